using PaperDigest.Store;

namespace PaperDigest.Import;

/// <summary>
/// Bulk writes of imported metadata. An import opens one <see cref="ImportWriter"/>: one connection for the whole file,
/// each batch merged by one statement and committed on its own, the search index filled in large chunks after them.
/// </summary>
internal sealed class ImportStore(SqliteStore store, TimeProvider time)
{
    public async Task<ImportWriter> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await store.ConnectAsync(cancellationToken);
        try
        {
            await using (var pragma = connection.CreateCommand())
            {
                // 64 MiB of page cache: the FTS5 segment merges of a large chunk stay in memory.
                pragma.CommandText = "PRAGMA cache_size = -65536;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
            return new ImportWriter(connection, time);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
