
namespace PaperDigest.Summaries;

/// <summary>A summary that was found in the store or just written (and stored).</summary>
internal sealed record SummaryResult(StoredSummary Summary, bool Cached);

/// <summary>
/// Returns the stored summary for (paper, version, style, language, prompt version, model), or writes one and stores
/// it at once. The text to summarize is only read on a miss, so a rerun reads and asks nothing.
/// </summary>
internal sealed class SummaryService(SummaryStore store, ISummaryWriter writer, TimeProvider time)
{
    public ISummaryWriter Writer => writer;

    /// <summary>The database file, for messages about the store itself.</summary>
    public string StorePath => store.Path;

    public SummaryKey KeyFor(Papers.Paper paper, SummaryStyle style, string lang) => SummaryKey.For(paper, style, lang, writer.Model);

    /// <summary>Stores (when the store can) and returns a failed summary for an unexpected error.</summary>
    public async Task<StoredSummary> RecordFailureAsync(Papers.Paper paper, SummaryStyle style, string lang, string error, CancellationToken cancellationToken)
    {
        var failed = new StoredSummary(KeyFor(paper, style, lang), "failed", [], "Abs", [], error, 0, 0, time.GetUtcNow());
        try
        {
            await store.SaveAsync(failed, cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // The store itself failed: the failure is still reported by the run.
        }
        return failed;
    }

    public async Task<SummaryResult> GetOrWriteAsync(
        Papers.Paper paper, SummaryStyle style, string lang, Func<CancellationToken, Task<SummaryInput>> read, CancellationToken cancellationToken)
    {
        var key = KeyFor(paper, style, lang);
        if (await store.FindOkAsync(key, cancellationToken) is { } cached) return new SummaryResult(cached, Cached: true);

        var input = await read(cancellationToken);
        var written = await writer.WriteAsync(input, style, lang, cancellationToken);
        var stored = new StoredSummary(
            key,
            written.Ok ? "ok" : "failed",
            written.Fields,
            writer.IsOffline ? "offline" : input.SourceLabel,
            written.Unsupported,
            written.Error,
            written.InputTokens,
            written.OutputTokens,
            time.GetUtcNow());
        await store.SaveAsync(stored, cancellationToken);
        return new SummaryResult(stored, Cached: false);
    }
}
