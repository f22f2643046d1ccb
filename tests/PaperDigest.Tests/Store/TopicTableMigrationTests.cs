using Dapper;
using Microsoft.Data.Sqlite;
using PaperDigest.Store;
using PaperDigest.Tracker;

namespace PaperDigest.Tests.Store;

/// <summary>Migration 4: the tracker's tracker_topics and the reader's paper_topics become one table, rows kept.</summary>
public sealed class TopicTableMigrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pd-topics-").FullName;

    [Fact]
    public async Task Open_DatabaseAtVersionThree_MergesBothTopicTablesIntoOne()
    {
        // Given a version-3 database: one row only the tracker knows, one only the reader knows, one in both
        var path = Path.Combine(_dir, "old.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync(StoreMigrations.All[0] + StoreMigrations.All[1] + StoreMigrations.All[2] + """
                PRAGMA user_version = 3;
                INSERT INTO papers (id, title, abstract, published, first_seen, updated_at) VALUES
                    ('2401.00001', 'One', 'a', '2024-01-01', 'x', 'x'), ('2401.00002', 'Two', 'a', '2024-01-02', 'x', 'x'), ('2401.00003', 'Three', 'a', '2024-01-03', 'x', 'x');
                INSERT INTO tracker_topics (topic, paper_id, first_seen) VALUES
                    ('RAG', '2401.00001', '2026-01-05T00:00:00Z'), ('RAG', '2401.00002', '2026-01-06T00:00:00Z');
                INSERT INTO paper_topics (paper_id, topic, published) VALUES ('2401.00002', 'RAG', '2024-01-02'), ('2401.00003', 'Agents', '2024-01-03');
                """);
        }

        // When the current PaperDigest opens it
        var store = SqliteStore.Open(path);
        var tracker = new TrackerStore(store, TimeProvider.System);

        // Then one table holds all three relations, and the old tracker table is gone
        await using var check = await store.ConnectAsync(CancellationToken.None);
        var rows = (await check.QueryAsync<(string Topic, string PaperId)>("SELECT topic, paper_id FROM paper_topics ORDER BY paper_id")).ToList();
        Assert.Equal([("RAG", "2401.00001"), ("RAG", "2401.00002"), ("Agents", "2401.00003")], rows);
        Assert.Equal(0L, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE name = 'tracker_topics'"));
        Assert.Equal(["2401.00002", "2401.00001"], await tracker.TopicPaperIdsAsync("RAG", 10, CancellationToken.None));
    }

    [Fact]
    public async Task MergeAsync_NewPaper_IsSeenByTheTrackerAndTheReaderAlike()
    {
        // Given a stored paper
        var store = SqliteStore.Open(Path.Combine(_dir, "new.db"));
        await new PaperStore(store, TimeProvider.System).UpsertAsync(
            [new PaperDigest.Papers.Paper(new PaperDigest.Papers.ArxivId("2601.00001", 1), "T", "A", [], new DateOnly(2026, 1, 1), [])], CancellationToken.None);

        // When the tracker records it under a topic
        var added = await new TrackerStore(store, TimeProvider.System).MergeAsync("RAG", ["2601.00001"], CancellationToken.None);

        // Then it is one row, in the one table
        Assert.Equal(1, added);
        await using var check = await store.ConnectAsync(CancellationToken.None);
        Assert.Equal(1L, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM paper_topics WHERE topic = 'RAG'"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
