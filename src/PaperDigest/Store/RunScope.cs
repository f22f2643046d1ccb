namespace PaperDigest.Store;

/// <summary>
/// The run bookkeeping of a command, in one place: <see cref="StartAsync"/> writes the row, <see cref="Complete"/> says how
/// it went, and disposing (a finally) always finishes the row: as completed, else 'interrupted' when the command was
/// cancelled, else 'failed' (an exception: a source that failed, a disk that is full).
/// </summary>
internal sealed class RunScope : IAsyncDisposable
{
    private readonly RunStore _runs;
    private readonly long _id;
    private readonly CancellationToken _cancellation;
    private string? _status;

    private RunScope(RunStore runs, long id, CancellationToken cancellation)
    {
        _runs = runs;
        _id = id;
        _cancellation = cancellation;
    }

    /// <summary>What has been done so far; recorded on the row however the run ends.</summary>
    public RunTotals Totals { get; set; } = RunTotals.None;

    public static async Task<RunScope> StartAsync(RunStore runs, string command, CancellationToken cancellationToken) =>
        new(runs, await runs.StartAsync(command, cancellationToken), cancellationToken);

    /// <param name="status">ok, partial or failed (a run that ended by itself, e.g. every paper failed).</param>
    public void Complete(string status, RunTotals totals)
    {
        _status = status;
        Totals = totals;
    }

    public async ValueTask DisposeAsync()
    {
        var status = _status ?? (_cancellation.IsCancellationRequested ? "interrupted" : "failed");
        try
        {
            await _runs.FinishAsync(_id, status, Totals, CancellationToken.None);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            // The store itself failed (a full disk): the error that ended the run is the one to report, and the row,
            // left 'running' by a process that is gone, is marked 'interrupted' by the next start.
        }
    }
}
