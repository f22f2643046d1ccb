using System.Diagnostics;
using Dapper;
using PaperDigest.Store;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Store;

public sealed class RunStoreTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly RunStore _runs;

    public RunStoreTests() => _runs = new RunStore(_store.Sqlite, TimeProvider.System);

    private async Task<long> RowAsync(string status, string? detail)
    {
        await using var connection = await _store.Sqlite.ConnectAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(
            "INSERT INTO runs (command, started_at, status, detail) VALUES ('daily', '2026-01-01T00:00:00Z', @status, @detail) RETURNING id", new { status, detail });
    }

    private async Task<string> StatusAsync(long id)
    {
        await using var connection = await _store.Sqlite.ConnectAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<string>("SELECT status FROM runs WHERE id = @id", new { id }) ?? "";
    }

    [Fact]
    public async Task StartAsync_RowOfKilledRun_MarkedInterrupted()
    {
        // Given: a row left 'running' by a process of this machine that is gone
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        await process.WaitForExitAsync();
        var killed = await RowAsync("running", $$"""{"Pid":{{process.Id}},"Host":"{{Environment.MachineName}}"}""");

        // When: the next run starts
        var next = await _runs.StartAsync("daily", CancellationToken.None);

        // Then
        Assert.Equal("interrupted", await StatusAsync(killed));
        Assert.Equal("running", await StatusAsync(next));
    }

    [Fact]
    public async Task StartAsync_RowOfLiveRunOrOtherMachine_LeftRunning()
    {
        // Given: a run going on now (this process), and one on another machine sharing the file
        var live = await RowAsync("running", $$"""{"Pid":{{Environment.ProcessId}},"Host":"{{Environment.MachineName}}"}""");
        var elsewhere = await RowAsync("running", """{"Pid":1,"Host":"another-machine"}""");

        // When
        await _runs.StartAsync("track", CancellationToken.None);

        // Then
        Assert.Equal("running", await StatusAsync(live));
        Assert.Equal("running", await StatusAsync(elsewhere));
    }

    [Fact]
    public async Task RunScope_ThrowsInside_RowFinishedFailed()
    {
        // When
        long id = 0;
        await Assert.ThrowsAsync<IOException>(async () =>
        {
            await using var run = await RunScope.StartAsync(_runs, "track", CancellationToken.None);
            id = await LatestAsync();
            throw new IOException("disk full");
        });

        // Then
        Assert.Equal("failed", await StatusAsync(id));
    }

    [Fact]
    public async Task RunScope_Cancelled_RowFinishedInterrupted()
    {
        using var cts = new CancellationTokenSource();
        long id = 0;
        await Assert.ThrowsAsync<OperationCanceledException>(async () =>
        {
            await using var run = await RunScope.StartAsync(_runs, "daily", cts.Token);
            id = await LatestAsync();
            await cts.CancelAsync();
            cts.Token.ThrowIfCancellationRequested();
        });
        Assert.Equal("interrupted", await StatusAsync(id));
    }

    [Fact]
    public async Task RunScope_Completed_RowHasStatusAndTotals()
    {
        await using (var run = await RunScope.StartAsync(_runs, "daily", CancellationToken.None))
            run.Complete("partial", new RunTotals(3, 2, 1, 0, 5, 100, 50, 0));
        await using var connection = await _store.Sqlite.ConnectAsync(CancellationToken.None);
        var row = await connection.QuerySingleAsync<(string Status, long Papers, string? Finished)>("SELECT status, papers, finished_at FROM runs");
        Assert.Equal("partial", row.Status);
        Assert.Equal(3, row.Papers);
        Assert.NotNull(row.Finished);
    }

    private async Task<long> LatestAsync()
    {
        await using var connection = await _store.Sqlite.ConnectAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT max(id) FROM runs");
    }

    public void Dispose() => _store.Dispose();
}
