using System.Threading.Channels;
using PaperDigest.Papers;

namespace PaperDigest.Import;

/// <summary>What an import did.</summary>
internal sealed record ImportResult(long Lines, long Imported, long Skipped, TimeSpan Elapsed);

/// <summary>Where an import is: lines read and papers written so far.</summary>
internal sealed record ImportProgress(long Lines, long Imported, long Skipped, TimeSpan Elapsed);

/// <summary>
/// Streams an arXiv metadata file into the store in batches; bad lines are reported and skipped. Decoding and parsing
/// run on a reader task that hands whole batches to the writer through a small bounded channel, so the two overlap.
/// </summary>
internal sealed class ArxivImporter(ImportStore store, TimeProvider time)
{
    public const int BatchSize = 5000;

    private sealed record Batch(List<Paper> Papers, long Lines, long Skipped);

    public async Task<ImportResult> ImportAsync(
        string path, Action<ArxivJsonlLine> onBadLine, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        long lines = 0, imported = 0, skipped = 0;
        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => ReadAsync(path, onBadLine, channel.Writer, stop.Token), stop.Token);
        await using (var writer = await store.OpenWriterAsync(cancellationToken))
        {
            try
            {
                await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
                {
                    if (batch.Papers.Count > 0) imported += await writer.WriteAsync(batch.Papers, cancellationToken);
                    (lines, skipped) = (batch.Lines, batch.Skipped);
                    progress?.Report(new ImportProgress(lines, imported, skipped, time.GetElapsedTime(started)));
                }
            }
            catch (ImportFileException ex)
            {
                // What was read before the file broke is kept (the merge is idempotent: importing the whole file again completes it).
                throw new ImportFileException(
                    $"{ex.Message}; {imported:N0} papers from the {lines:N0} lines before it are stored ({skipped:N0} bad lines skipped), the rest of the file was not read.", ex);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
            finally
            {
                try { await reader; } catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            }
        }
        return new ImportResult(lines, imported, skipped, time.GetElapsedTime(started));
    }

    /// <summary>The reader task: parses lines into batches; a broken file ends the channel with its error after the last good batch.</summary>
    private static async Task ReadAsync(string path, Action<ArxivJsonlLine> onBadLine, ChannelWriter<Batch> channel, CancellationToken cancellationToken)
    {
        long lines = 0, skipped = 0;
        var papers = new List<Paper>(BatchSize);
        try
        {
            await foreach (var line in ArxivJsonlReader.ReadAsync(path, cancellationToken))
            {
                lines = line.Number;
                if (line.Paper is null)
                {
                    skipped++;
                    onBadLine(line);
                    continue;
                }
                papers.Add(line.Paper);
                if (papers.Count < BatchSize) continue;
                await channel.WriteAsync(new Batch(papers, lines, skipped), cancellationToken);
                papers = new List<Paper>(BatchSize);
            }
            await channel.WriteAsync(new Batch(papers, lines, skipped), cancellationToken);
            channel.Complete();
        }
        catch (Exception ex)
        {
            if (ex is ImportFileException && papers.Count > 0) await channel.WriteAsync(new Batch(papers, lines, skipped), CancellationToken.None);
            channel.Complete(ex);
        }
    }
}
