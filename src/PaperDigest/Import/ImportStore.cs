using Microsoft.Data.Sqlite;
using PaperDigest.Store;

namespace PaperDigest.Import;

/// <summary>
/// Bulk writes of imported metadata. An import opens one <see cref="ImportWriter"/>: one connection for the whole file,
/// each batch merged by PaperStore's upsert and committed on its own, the search index filled in chunks while the file is read,
/// and the WAL copied into the database by an <see cref="ImportCheckpointer"/> beside it.
/// </summary>
internal sealed class ImportStore(SqliteStore store, TimeProvider time)
{
    /// <summary>The WAL's size past which the writer lets it start over (<see cref="ImportCheckpointer.WalLimit"/>); tests make it small.</summary>
    internal long WalLimit { get; init; } = ImportCheckpointer.WalLimit;

    /// <summary>
    /// The writer's settings: 64 MiB of page cache (a chunk's index pages stay in memory) and no automatic checkpoint
    /// (the checkpointer copies). The connection is pooled, so <see cref="RestorePragmas"/> puts SQLite's defaults back.
    /// </summary>
    private const string WriterPragmas = "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 0;";

    internal const string RestorePragmas = "PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000;";

    public async Task<ImportWriter> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await store.ConnectAsync(cancellationToken);
        ImportCheckpointer? checkpointer = null;
        try
        {
            checkpointer = new ImportCheckpointer(store, WalLimit);
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = WriterPragmas;
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
            return new ImportWriter(connection, time, checkpointer);
        }
        catch
        {
            checkpointer?.Dispose();
            try
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = RestorePragmas;
                await pragma.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (SqliteException) { } // the error being thrown says more
            await connection.DisposeAsync();
            throw;
        }
    }
}
