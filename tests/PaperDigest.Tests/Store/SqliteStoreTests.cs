using Microsoft.Data.Sqlite;
using PaperDigest.Papers;
using PaperDigest.Store;

namespace PaperDigest.Tests.Store;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pd-store-").FullName;

    private string Db => Path.Combine(_dir, "sub", "paperdigest.db");

    [Fact]
    public async Task Open_NewFile_CreatesSchemaInWalMode()
    {
        // When
        var store = SqliteStore.Open(Db);

        // Then
        await using var connection = await store.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
        command.CommandText = "PRAGMA user_version";
        Assert.Equal((long)StoreMigrations.All.Count, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Open_Twice_MigratesOnceAndKeepsData()
    {
        // Given
        var papers = new PaperStore(SqliteStore.Open(Db), TimeProvider.System);
        await papers.UpsertAsync([Sample("2601.00001")], CancellationToken.None);

        // When: opened again (no "table already exists", no data lost)
        var again = new PaperStore(SqliteStore.Open(Db), TimeProvider.System);

        // Then
        Assert.NotNull(await again.FindAsync("2601.00001", CancellationToken.None));
        await using var connection = new SqliteConnection($"Data Source={Db}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM search_docs";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
        command.CommandText = "PRAGMA user_version";
        Assert.Equal((long)StoreMigrations.All.Count, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public void Open_NewerSchema_ClearError()
    {
        // Given
        SqliteStore.Open(Db);
        using (var c = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 999";
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();

        // When
        var ex = Assert.Throws<StoreVersionException>(() => SqliteStore.Open(Db));

        // Then
        Assert.Contains("newer than this PaperDigest knows", ex.Message);
    }

    [Fact]
    public async Task Upsert_MergesWithoutErasingKnownValues()
    {
        // Given
        var papers = new PaperStore(SqliteStore.Open(Db), TimeProvider.System);
        var first = new Paper(new ArxivId("2509.15221", 2), "Title", "Abstract", ["A"], new DateOnly(2025, 9, 18), ["cs.CL"], CodeUrl: "https://github.com/a/b", Upvotes: 5);
        var second = new Paper(new ArxivId("2509.15221", null), "Title v3", "", [], new DateOnly(2025, 9, 20), [], Upvotes: 9);

        // When
        await papers.UpsertAsync([first], CancellationToken.None);
        await papers.UpsertAsync([second], CancellationToken.None);
        var merged = await papers.FindAsync("2509.15221", CancellationToken.None);

        // Then
        Assert.NotNull(merged);
        Assert.Equal("Title v3", merged.Title);
        Assert.Equal("Abstract", merged.Abstract);
        Assert.Equal(["A"], merged.Authors);
        Assert.Equal(2, merged.Id.Version);
        Assert.Equal(new DateOnly(2025, 9, 18), merged.Published); // the first version's date stays
        Assert.Equal("https://github.com/a/b", merged.CodeUrl);
        Assert.Equal(9, merged.Upvotes);
    }

    [Fact]
    public async Task TwoWritersAtOnce_NothingLostNothingCorrupt()
    {
        // Given: two stores (as two commands would have) on the same file
        var a = new PaperStore(SqliteStore.Open(Db), TimeProvider.System);
        var b = new PaperStore(SqliteStore.Open(Db), TimeProvider.System);

        // When: both write 200 papers at once, one transaction each
        var ta = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
                await a.UpsertAsync([Sample($"2601.{i:D5}")], CancellationToken.None);
        });
        var tb = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
                await b.UpsertAsync([Sample($"2602.{i:D5}")], CancellationToken.None);
        });
        await Task.WhenAll(ta, tb);

        // Then
        await using var connection = new SqliteConnection($"Data Source={Db}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM papers";
        Assert.Equal(400L, (long)(await command.ExecuteScalarAsync())!);
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task ConnectAsync_PooledConnections_EveryOneHasItsPragmasInForce()
    {
        // Given a store, and eight connections held at once (eight physical connections in the pool)
        var store = SqliteStore.Open(Db);
        var held = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.ConnectAsync(CancellationToken.None)));
        foreach (var c in held) await c.DisposeAsync();

        // When connections are handed out again, many times, some at once
        for (var round = 0; round < 5; round++)
        {
            var connections = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.ConnectAsync(CancellationToken.None)));

            // Then each one has foreign keys on, the busy timeout and synchronous = NORMAL (1)
            foreach (var connection in connections)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA foreign_keys";
                Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
                command.CommandText = "PRAGMA busy_timeout";
                Assert.Equal(30000L, (long)(await command.ExecuteScalarAsync())!);
                command.CommandText = "PRAGMA synchronous";
                Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
            }
            foreach (var c in connections) await c.DisposeAsync();
        }
    }

    [Fact]
    public async Task ConnectAsync_ManyTimesInTurn_RunsThePragmasOncePerPhysicalConnection()
    {
        // Given a store
        var store = SqliteStore.Open(Db);

        // When 200 connections are handed out one after the other (as a busy reader does)
        for (var i = 0; i < 200; i++)
            await using (await store.ConnectAsync(CancellationToken.None)) { }

        // Then the pool gave the same physical connection each time, set up once, not 200 times
        Assert.Equal(200, store.Connects);
        Assert.Equal(1, store.PhysicalSetups);
    }

    [Fact]
    public async Task ConnectAsync_PoolCleared_SetsUpTheNewPhysicalConnection()
    {
        // Given a connection set up and returned to the pool, then the pool emptied (its physical connection closed)
        var store = SqliteStore.Open(Db);
        await using (await store.ConnectAsync(CancellationToken.None)) { }
        SqliteConnection.ClearAllPools();

        // When a connection is handed out again
        await using var connection = await store.ConnectAsync(CancellationToken.None);

        // Then it is a new physical connection, and its PRAGMAs ran too
        Assert.Equal(2, store.PhysicalSetups);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    private static Paper Sample(string id) => new(new ArxivId(id, 1), "T " + id, "A", ["X"], new DateOnly(2026, 1, 1), []);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
