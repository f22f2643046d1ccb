using PaperDigest.Papers;

namespace PaperDigest.Import;

/// <summary>What an import did.</summary>
internal sealed record ImportResult(long Lines, long Imported, long Skipped, TimeSpan Elapsed);

/// <summary>Where an import is: lines read and papers written so far.</summary>
internal sealed record ImportProgress(long Lines, long Imported, long Skipped);

/// <summary>Streams an arXiv metadata file into the store in batches; bad lines are reported and skipped.</summary>
internal sealed class ArxivImporter(ImportStore store, TimeProvider time)
{
    public const int BatchSize = 5000;

    public async Task<ImportResult> ImportAsync(
        string path, Action<ArxivJsonlLine> onBadLine, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        long lines = 0, imported = 0, skipped = 0;
        var batch = new List<Paper>(BatchSize);
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
                batch.Add(line.Paper);
                if (batch.Count < BatchSize) continue;
                imported += await store.WriteAsync(batch, cancellationToken);
                batch.Clear();
                progress?.Report(new ImportProgress(lines, imported, skipped));
            }
        }
        catch (ImportFileException ex)
        {
            // What was read before the file broke is kept (the merge is idempotent: importing the whole file again completes it).
            if (batch.Count > 0) imported += await store.WriteAsync(batch, cancellationToken);
            throw new ImportFileException(
                $"{ex.Message}; {imported:N0} papers from the {lines:N0} lines before it are stored ({skipped:N0} bad lines skipped), the rest of the file was not read.", ex);
        }
        if (batch.Count > 0) imported += await store.WriteAsync(batch, cancellationToken);
        progress?.Report(new ImportProgress(lines, imported, skipped));
        return new ImportResult(lines, imported, skipped, time.GetElapsedTime(started));
    }
}
