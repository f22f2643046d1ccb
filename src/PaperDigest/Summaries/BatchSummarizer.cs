using System.Collections.Concurrent;
using System.Threading.Channels;
using PaperDigest.Papers;
using PaperDigest.Store;

namespace PaperDigest.Summaries;

/// <summary>The outcome of summarizing a batch: every summary by (paper id, style), and how many were cached.</summary>
internal sealed record BatchResult(IReadOnlyDictionary<(string PaperId, string Style), StoredSummary> Summaries, int Cached, int Written, int Failed);

/// <summary>
/// The summarize stage: every (paper, style) pair through the summary service, at most `concurrency` at once.
/// A failure is a stored status, never an exception, so one bad paper does not stop the others.
/// Reading and writing overlap: the papers' texts are read ahead (paced by the arXiv-pages remote, not by the LLM's
/// slots), and a paper's styles go to the LLM as soon as its text is read, so a run costs about the slower of the two.
/// </summary>
/// A full disk is the exception: nothing more could be stored, so the batch stops at once (no more LLM calls) with a
/// <see cref="StoreFullException"/> naming the store.
internal sealed class BatchSummarizer(SummaryService service)
{
    public async Task<BatchResult> RunAsync(
        IReadOnlyList<Paper> papers,
        IReadOnlyList<SummaryStyle> styles,
        string lang,
        int concurrency,
        Func<Paper, SummaryStyle, CancellationToken, Task<SummaryInput>> read,
        IProgress<BatchProgress>? progress,
        CancellationToken cancellationToken)
    {
        var work = papers.SelectMany(p => styles.Select(s => (Paper: p, Style: s))).ToList();
        var results = new ConcurrentDictionary<(string, string), StoredSummary>();
        int done = 0, failed = 0, cached = 0;
        long tokens = 0, stored = 0;
        var gate = new object();

        var ready = Channel.CreateUnbounded<(Paper Paper, SummaryStyle Style)>();
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readAhead = ReadAheadAsync(papers, styles, lang, concurrency, read, ready.Writer, stopReading.Token);
        try
        {
            await Parallel.ForEachAsync(ready.Reader.ReadAllAsync(cancellationToken), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
                async (item, ct) =>
                {
                    SummaryResult result;
                    try
                    {
                        result = await service.GetOrWriteAsync(item.Paper, item.Style, lang, c => read(item.Paper, item.Style, c), ct);
                    }
                    catch (Exception ex) when (StoreFullException.IsDiskFull(ex))
                    {
                        throw new StoreFullException(service.StorePath, (ex as StoreFullException)?.InnerException?.Message ?? ex.Message, Volatile.Read(ref stored), ex);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // One paper's unexpected failure (a locked database, a bug) is that paper's failure, not the run's.
                        result = new SummaryResult(await service.RecordFailureAsync(item.Paper, item.Style, lang, $"{ex.GetType().Name}: {ex.Message}", ct), Cached: false);
                    }
                    results[(item.Paper.Id.Id, item.Style.Name)] = result.Summary;
                    if (!result.Cached) Interlocked.Increment(ref stored);
                    BatchProgress snapshot;
                    lock (gate)
                    {
                        done++;
                        if (!result.Summary.IsOk) failed++;
                        if (result.Cached) cached++;
                        else tokens += result.Summary.InputTokens + result.Summary.OutputTokens;
                        snapshot = new BatchProgress(done, failed, work.Count, tokens, item.Paper.Title, item.Style.Name, !result.Summary.IsOk, result.Cached, result.Summary.Error);
                    }
                    progress?.Report(snapshot);
                });
        }
        catch
        {
            // The writers stopped (a full disk, cancellation): so does reading ahead, before the error goes up.
            await stopReading.CancelAsync();
            try { await readAhead; } catch (OperationCanceledException) { }
            throw;
        }
        await readAhead;

        return new BatchResult(results, cached, work.Count - cached, failed);
    }

    /// <summary>
    /// Reads each paper's texts (a paper whose every style is stored is not read), then hands its styles to the writers.
    /// A read that fails here is left to the writer's own read, which records it as that paper's failure.
    /// </summary>
    private async Task ReadAheadAsync(
        IReadOnlyList<Paper> papers, IReadOnlyList<SummaryStyle> styles, string lang, int concurrency,
        Func<Paper, SummaryStyle, CancellationToken, Task<SummaryInput>> read, ChannelWriter<(Paper, SummaryStyle)> ready, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            await Parallel.ForEachAsync(papers, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
                async (paper, ct) =>
                {
                    foreach (var style in styles)
                    {
                        try
                        {
                            if (!await service.IsStoredAsync(paper, style, lang, ct)) await read(paper, style, ct);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            // The writer reads again and records the failure.
                        }
                    }
                    foreach (var style in styles) ready.TryWrite((paper, style));
                });
        }
        finally
        {
            ready.Complete();
        }
    }
}
