using Microsoft.Data.Sqlite;
using PaperDigest.Papers;
using PaperDigest.Store;

namespace PaperDigest.Tests.Store;

public sealed class StoreVersionReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pd-version-").FullName;

    private string Db => Path.Combine(_dir, "paperdigest.db");

    [Fact]
    public async Task Current_NothingCommitted_StaysTheSame()
    {
        // Given a store with a paper, and the version read once
        var store = SqliteStore.Open(Db);
        await new PaperStore(store, TimeProvider.System).UpsertAsync([Sample("2601.00001")], CancellationToken.None);
        using var reader = new StoreVersionReader(store);
        var before = reader.Current();

        // When the store is only read
        await new PaperStore(store, TimeProvider.System).FindAsync("2601.00001", CancellationToken.None);

        // Then the version is unchanged
        Assert.Equal(before, reader.Current());
        Assert.Equal(before, reader.Current());
    }

    [Fact]
    public async Task Current_CommitByAnotherConnection_Changes()
    {
        // Given the version read once
        var store = SqliteStore.Open(Db);
        using var reader = new StoreVersionReader(store);
        var before = reader.Current();

        // When another connection outside the pool (as another process would) commits a paper
        await using (var other = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "INSERT INTO papers (id, title, abstract, authors, categories, first_seen, updated_at) VALUES ('2601.00002', 'T', 'A', '[]', '[]', 'x', 'x')";
            await command.ExecuteNonQueryAsync();
        }

        // Then the next read sees a new version, which then stays
        var after = reader.Current();
        Assert.NotEqual(before, after);
        Assert.Equal(after, reader.Current());
    }

    [Fact]
    public async Task Current_CommitThroughThePool_Changes()
    {
        // Given the version read once
        var store = SqliteStore.Open(Db);
        using var reader = new StoreVersionReader(store);
        var before = reader.Current();

        // When this process's writers commit (through the pooled connections)
        await new PaperStore(store, TimeProvider.System).UpsertAsync([Sample("2601.00003")], CancellationToken.None);

        // Then the version changes
        Assert.NotEqual(before, reader.Current());
    }

    private static Paper Sample(string id) => new(new ArxivId(id, 1), "T " + id, "A", ["X"], new DateOnly(2026, 1, 1), []);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
