using Dapper;
using Microsoft.Data.Sqlite;
using PaperDigest.Papers;
using PaperDigest.Store;
using PaperDigest.Summaries;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Summaries;

public sealed class BatchSummarizerTests
{
    [Fact]
    public async Task RunAsync_DiskFillsBeforeTheFirstSummary_StopsAtOnceNamingTheStore()
    {
        // Given a store on a small tmpfs holding ten papers, its WAL emptied, and then the disk filled to the last byte
        using var mount = TmpfsMount.TryMount("4m");
        if (mount is null) return; // mount is not permitted here (not root, not Linux): nothing to test against
        var path = Path.Combine(mount.Directory, "paperdigest.db");
        var sqlite = SqliteStore.Open(path);
        var papers = Enumerable.Range(1, 10).Select(i => new Paper(new ArxivId($"2601.{i:D5}", 1), $"Paper {i}",
            $"We study problem {i}. Our method improves accuracy by {i}%. It is fast.", ["A. Author"], new DateOnly(2026, 1, 1), ["cs.CL"])).ToList();
        await new PaperStore(sqlite, TimeProvider.System).UpsertAsync(papers, CancellationToken.None);
        await using (var connection = await sqlite.ConnectAsync(CancellationToken.None))
            await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        // A connection of the test's own stays open throughout. Without it, another test clearing the connection pools
        // before the disk is filled closes the last connection, which deletes the -wal and -shm files; on the full disk
        // the -shm cannot be made again, and that is an I/O error, not SQLITE_FULL (seen: a flaky run of the suite).
        await using var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await holder.OpenAsync();
        await holder.ExecuteAsync("SELECT count(*) FROM papers;");
        mount.Fill();
        var writer = new CountingSummaryWriter();
        var summarizer = new BatchSummarizer(new SummaryService(new SummaryStore(sqlite), writer, TimeProvider.System));

        // When the ten are summarized one at a time
        var ex = await Assert.ThrowsAsync<StoreFullException>(() => summarizer.RunAsync(papers, [SummaryStyles.Brief], "en", 1,
            (p, _, _) => Task.FromResult(PaperTextSource.Abstract(p)), null, CancellationToken.None));

        // Then the first failed write stops the batch: one summary asked, not ten, and the message names the disk
        Assert.Equal(1, writer.Calls);
        Assert.Contains($"the store could not be written (disk full?) at {path}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0 summaries already stored", ex.Message, StringComparison.Ordinal);
    }
}
