
namespace PaperDigest.Summaries;

/// <summary>A summary that was found in the store or just written (and stored).</summary>
internal sealed record SummaryResult(StoredSummary Summary, bool Cached);

/// <summary>
/// Returns the stored summary for (paper, version, style, language, prompt version, model), or writes one and stores
/// it at once. The text to summarize is only read on a miss, so a rerun reads and asks nothing.
/// Two runs at once do not both pay for one summary: the writer of a key claims it in the store, the other waits for
/// its result (polling, at most until the claim is stale) and uses it. A provisional summary (written from a fallback
/// after a passing failure) is written again as soon as the full text can be read.
/// </summary>
internal sealed class SummaryService(SummaryStore store, ISummaryWriter writer, TimeProvider time, SummaryClaimStore? claims = null, SummaryClaimOptions? claimOptions = null)
{
    private readonly string _runId = ClaimOwner.NewRunId();

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

    /// <summary>True when a final (not provisional) ok summary is stored: nothing needs to be read for it.</summary>
    public async Task<bool> IsStoredAsync(Papers.Paper paper, SummaryStyle style, string lang, CancellationToken cancellationToken) =>
        await store.FindOkAsync(KeyFor(paper, style, lang), cancellationToken) is { Provisional: false };

    public async Task<SummaryResult> GetOrWriteAsync(
        Papers.Paper paper, SummaryStyle style, string lang, Func<CancellationToken, Task<SummaryInput>> read, CancellationToken cancellationToken)
    {
        var key = KeyFor(paper, style, lang);
        var replacing = false;
        if (await store.FindOkAsync(key, cancellationToken) is { } cached)
        {
            if (!cached.Provisional) return new SummaryResult(cached, Cached: true);
            // Written from a fallback after a passing failure: read again; only a better (definitive) text is worth a new request.
            var again = await read(cancellationToken);
            if (again.Provisional) return new SummaryResult(cached, Cached: true);
            read = _ => Task.FromResult(again);
            replacing = true;
        }
        // While replacing a provisional summary, only a final one (another run's rewrite) counts as done.
        bool Done(StoredSummary s) => !replacing || !s.Provisional;
        if (claims is null) return await WriteAsync(key, read, style, lang, cancellationToken);

        var options = claimOptions ?? new SummaryClaimOptions(TimeSpan.FromMinutes(30), TimeSpan.FromMilliseconds(250));
        while (true)
        {
            var now = time.GetUtcNow();
            if (await claims.TryClaimAsync(key, _runId, now, now - options.StaleAfter, cancellationToken)
                || (await claims.HolderAsync(key, cancellationToken) is { } holder && ClaimOwner.IsGone(holder)
                    && await claims.TakeOverAsync(key, holder, _runId, now, cancellationToken)))
            {
                try
                {
                    // Another run may have stored it between our look and our claim.
                    if (await store.FindOkAsync(key, cancellationToken) is { } justStored && Done(justStored)) return new SummaryResult(justStored, Cached: true);
                    return await WriteAsync(key, read, style, lang, cancellationToken);
                }
                finally
                {
                    await claims.ReleaseAsync(key, _runId, CancellationToken.None);
                }
            }
            // Another run is writing it: wait for its result (bounded: its claim turns stale and is taken over).
            await Task.Delay(options.PollInterval, time, cancellationToken);
            if (await store.FindOkAsync(key, cancellationToken) is { } theirs && Done(theirs)) return new SummaryResult(theirs, Cached: true);
        }
    }

    private async Task<SummaryResult> WriteAsync(
        SummaryKey key, Func<CancellationToken, Task<SummaryInput>> read, SummaryStyle style, string lang, CancellationToken cancellationToken)
    {
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
            time.GetUtcNow(),
            Provisional: !writer.IsOffline && input.Provisional);
        await store.SaveAsync(stored, cancellationToken);
        return new SummaryResult(stored, Cached: false);
    }
}
