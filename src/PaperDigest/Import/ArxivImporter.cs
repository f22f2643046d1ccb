using System.Threading.Channels;

namespace PaperDigest.Import;

/// <summary>What an import did.</summary>
internal sealed record ImportResult(long Lines, long Imported, long Skipped, long Indexed, TimeSpan Elapsed);

/// <summary>
/// Streams an arXiv metadata file into the store; bad lines are reported and skipped. Decoding and parsing run on a
/// reader task that hands whole batches to the writer through a small bounded channel, so the two overlap (and xz, a
/// process of its own, decompresses beside them). The first batch is small so that the writer starts at once; each next
/// one is twice as large, up to <see cref="BatchSize"/>. Papers are committed a batch at a time and indexed for search
/// in chunks (<see cref="ImportWriter"/>) while the reader goes on: a chunk is at least as large as all indexed before
/// it (half as large when the writer would otherwise wait for the reader), so an import makes O(log n) index segments
/// and most of its indexing overlaps the reading. Work an earlier, killed import left unindexed is finished first.
/// </summary>
internal sealed class ArxivImporter(ImportStore store, TimeProvider time)
{
    public const int BatchSize = 5000, FirstBatchSize = 250;

    /// <summary>The smallest chunk indexed while the file is being read.</summary>
    public const int MinIndexChunk = 1000;

    private sealed record Batch(ImportBatch Rows, long Lines, long Skipped, long FileBytesRead);

    public async Task<ImportResult> ImportAsync(
        string path, Action<ArxivJsonlLine> onBadLine, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        long lines = 0, imported = 0, skipped = 0, read = 0, indexed = 0;
        await using var input = await ImportInput.OpenAsync(path, cancellationToken);
        await using var writer = await store.OpenWriterAsync(cancellationToken);
        void Report(long? indexing) =>
            progress?.Report(new ImportProgress(lines, imported, skipped, read, input.Length, indexing, time.GetElapsedTime(started)));
        // Progress says "indexing" only where the user waits for it: before reading (what a killed import left) and after
        // it; the chunks indexed while the file is read would make the bar's label flicker.
        async Task IndexAsync(bool shown = true)
        {
            var before = indexed;
            indexed += await writer.IndexPendingAsync(shown ? n => Report(before + n) : null, cancellationToken);
        }

        await IndexAsync(); // what a killed import left
        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Factory.StartNew(() => ReadAsync(input, onBadLine, channel.Writer, stop.Token), stop.Token,
            TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap(); // a thread of its own: its reads block
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                if (batch.Rows.Count > 0) await writer.WriteAsync(batch.Rows, cancellationToken);
                imported += batch.Rows.Count;
                (lines, skipped, read) = (batch.Lines, batch.Skipped, batch.FileBytesRead);
                Report(null);
                var idle = !channel.Reader.TryPeek(out _);
                if (writer.Unindexed >= Math.Min(ImportWriter.IndexChunk, Math.Max(MinIndexChunk, idle ? indexed / 2 : indexed))) await IndexAsync(shown: false);
            }
        }
        catch (ImportFileException ex)
        {
            // What was read before the file broke is kept (the merge is idempotent: importing the whole file again completes it).
            await IndexAsync();
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
        await IndexAsync();
        return new ImportResult(lines, imported, skipped, indexed, time.GetElapsedTime(started));
    }

    /// <summary>The reader task: parses lines into batches; a broken file ends the channel with its error after the last good batch.</summary>
    private static async Task ReadAsync(ImportInput input, Action<ArxivJsonlLine> onBadLine, ChannelWriter<Batch> channel, CancellationToken cancellationToken)
    {
        long lines = 0, skipped = 0;
        var (batch, size) = (new ImportBatch(), FirstBatchSize);
        Batch Take(long read)
        {
            var taken = new Batch(batch, lines, skipped, read);
            (batch, size) = (new ImportBatch(), Math.Min(size * 2, BatchSize));
            return taken;
        }
        try
        {
            await foreach (var line in ArxivJsonlReader.ReadAsync(input, cancellationToken))
            {
                lines = line.Number;
                if (line.Paper is null)
                {
                    skipped++;
                    onBadLine(line);
                    continue;
                }
                batch.Add(line.Paper);
                if (batch.Count < size) continue;
                await channel.WriteAsync(Take(input.Consumed), cancellationToken);
            }
            await channel.WriteAsync(Take(input.Length), cancellationToken);
            channel.Complete();
        }
        catch (Exception ex)
        {
            if (ex is ImportFileException && batch.Count > 0) await channel.WriteAsync(Take(input.Consumed), CancellationToken.None);
            channel.Complete(ex);
        }
    }
}
