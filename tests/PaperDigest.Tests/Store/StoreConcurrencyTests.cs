using PaperDigest.Store;

namespace PaperDigest.Tests.Store;

public sealed class StoreConcurrencyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pd-migrate-").FullName;

    [Fact]
    public async Task Open_SeveralAtOnceOnNewFile_EachGetsTheFullSchema()
    {
        // Given: a path nothing exists at, and four openers released together (two `daily` runs starting at once, and more)
        var db = Path.Combine(_dir, "new", "paperdigest.db");
        using var gate = new Barrier(4);

        // When
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            gate.SignalAndWait();
            return SqliteStore.Open(db);
        })));

        // Then: every one of them sees every table at the latest version
        foreach (var store in stores)
        {
            await using var connection = await store.ConnectAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version";
            Assert.Equal((long)StoreMigrations.All.Count, (long)(await command.ExecuteScalarAsync())!);
            command.CommandText = "SELECT count(*) FROM papers; SELECT count(*) FROM runs;";
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
