using System.Text.Json.Nodes;
using PaperDigest.Import;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Import;

public sealed class ImportWriterTests
{
    /// <summary>A process that dies after committing a batch and before indexing it: the batch's transaction, then nothing.</summary>
    private static async Task CrashAfterBatchAsync(TempStore store, string path)
    {
        var batch = new ImportBatch();
        await foreach (var line in ArxivJsonlReader.ReadAsync(path, CancellationToken.None)) batch.Add(line.Paper!);
        await using var writer = await new ImportStore(store.Sqlite, TimeProvider.System).OpenWriterAsync(CancellationToken.None);
        await writer.WriteAsync(batch, CancellationToken.None);
    }

    [Fact]
    public async Task IndexPendingAsync_CrashBetweenBatchAndIndexing_NextImportIndexesTheBatchFirst()
    {
        // Given a batch committed by an import that died before indexing it (its papers stored, not yet found by words)
        using var store = new TempStore();
        var first = Path.Combine(store.Directory, "first.jsonl");
        var second = Path.Combine(store.Directory, "second.jsonl");
        await File.WriteAllLinesAsync(first, ArxivImporterTests.Papers(40));
        await File.WriteAllLinesAsync(second, ArxivImporterTests.Papers(5, first: 100, topic: "lattices"));
        await CrashAfterBatchAsync(store, first);
        var beforeRerun = await SearchIndexSnapshot.SearchAsync(store.Search, "w7x");

        // When another file is imported
        var (result, _) = await ArxivImporterTests.ImportAsync(store, second);

        // Then the pending papers were indexed too, and the index is what clean imports of both files make
        Assert.Equal("0: ", beforeRerun);
        Assert.Equal(45, result.Indexed);
        Assert.Equal("1: 2501.00007", await SearchIndexSnapshot.SearchAsync(store.Search, "w7x"));
        Assert.Equal(await ArxivImporterTests.CleanSnapshotAsync(first, second), await SearchIndexSnapshot.TakeAsync(store.Path_));
        Assert.Equal(0L, await StoreQuery.ScalarAsync(store.Path_, "SELECT count(*) FROM import_pending"));
    }

    [Fact]
    public async Task IndexPendingAsync_PendingPaperChangedMeanwhile_IndexedOnceAsTheTriggersLeftIt()
    {
        // Given a crashed import's pending papers, one of which then got a summary and another a new title from another writer
        using var store = new TempStore();
        var path = Path.Combine(store.Directory, "papers.jsonl");
        await File.WriteAllLinesAsync(path, ArxivImporterTests.Papers(10));
        await CrashAfterBatchAsync(store, path);
        await store.SummaryAsync("2501.00003", "brief", new JsonObject { ["summary"] = "zebrafish" });
        await store.Papers.UpsertAsync([TempStore.Paper("2501.00004", "Renamed paper", "We study w4x and transformers.", authors: "A. Author4")], CancellationToken.None);

        // When the next import completes the pending work
        var emptyFile = Path.Combine(store.Directory, "empty.jsonl");
        await File.WriteAllTextAsync(emptyFile, "");
        var (result, _) = await ArxivImporterTests.ImportAsync(store, emptyFile);

        // Then only the 8 untouched papers needed indexing, each paper is found once, by its words and its summary
        Assert.Equal(8, result.Indexed);
        Assert.Equal("10: ", (await SearchIndexSnapshot.SearchAsync(store.Search, "transformers"))[..4]);
        Assert.Equal("1: 2501.00003", await SearchIndexSnapshot.SearchAsync(store.Search, "zebrafish"));
        Assert.Equal("1: 2501.00004", await SearchIndexSnapshot.SearchAsync(store.Search, "renamed"));
        var snapshot = await SearchIndexSnapshot.TakeAsync(store.Path_);
        Assert.Equal(snapshot.Distinct().Count(), snapshot.Count);
        Assert.Single(snapshot, e => e.StartsWith("2501.00004 words renam ", StringComparison.Ordinal)); // porter's stem
        Assert.DoesNotContain(snapshot, e => e.StartsWith("2501.00004 words graph", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_WalPastItsLimit_StartsOverAndTheIndexIsAsBefore()
    {
        // Given a file of several batches, imported once with the WAL bounded at 64 KiB and once without a bound
        using var bounded = new TempStore();
        using var unbounded = new TempStore();
        var path = Path.Combine(bounded.Directory, "papers.jsonl");
        await File.WriteAllLinesAsync(path, ArxivImporterTests.Papers(ArxivImporter.BatchSize * 3));

        // When each imports it (a connection of the test's own keeps each WAL file as the import left it: closing the last
        // connection that has read the store deletes it, and other tests clear the pools)
        await using var keepBounded = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={bounded.Path_};Pooling=False");
        await using var keepUnbounded = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={unbounded.Path_};Pooling=False");
        foreach (var keep in new[] { keepBounded, keepUnbounded })
        {
            await keep.OpenAsync();
            await using var read = keep.CreateCommand();
            read.CommandText = "SELECT count(*) FROM sqlite_master"; // a read opens the WAL, whose last reader's close would delete it
            await read.ExecuteScalarAsync();
        }
        await new ArxivImporter(new ImportStore(bounded.Sqlite, TimeProvider.System) { WalLimit = 64 << 10 }, TimeProvider.System)
            .ImportAsync(path, _ => { }, null, CancellationToken.None);
        await new ArxivImporter(new ImportStore(unbounded.Sqlite, TimeProvider.System) { WalLimit = long.MaxValue }, TimeProvider.System)
            .ImportAsync(path, _ => { }, null, CancellationToken.None);

        // Then the bounded WAL started over (it is less than half the other's high-water mark), and the two stores'
        // indexes are the same, entry by entry
        var (boundedWal, unboundedWal) = (new FileInfo(bounded.Path_ + "-wal").Length, new FileInfo(unbounded.Path_ + "-wal").Length);
        Assert.True(boundedWal * 2 < unboundedWal, $"WAL {boundedWal:N0} bytes bounded, {unboundedWal:N0} not");
        Assert.Equal(await SearchIndexSnapshot.TakeAsync(unbounded.Path_), await SearchIndexSnapshot.TakeAsync(bounded.Path_));
    }

    [Fact]
    public async Task ImportAsync_Done_PooledConnectionHasSqlitesCheckpointAndCacheBack()
    {
        // Given a store that imported a file (its writer turned SQLite's automatic checkpoint off and took 64 MiB of cache)
        using var store = new TempStore();
        var path = Path.Combine(store.Directory, "papers.jsonl");
        await File.WriteAllLinesAsync(path, ArxivImporterTests.Papers(10));
        await ArxivImporterTests.ImportAsync(store, path);

        // When the next user takes a connection from the pool
        await using var connection = await store.Sqlite.ConnectAsync(CancellationToken.None);
        async Task<long> PragmaAsync(string name)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return (long)(await command.ExecuteScalarAsync())!;
        }

        // Then it has SQLite's defaults back
        Assert.Equal((1000L, -2000L), (await PragmaAsync("wal_autocheckpoint"), await PragmaAsync("cache_size")));
    }
}
