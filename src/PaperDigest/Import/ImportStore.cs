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

    public async Task<ImportWriter> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await store.ConnectAsync(cancellationToken);
        ImportCheckpointer checkpointer;
        try
        {
            checkpointer = new ImportCheckpointer(store, WalLimit);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        var writer = new ImportWriter(connection, time, checkpointer);
        try
        {
            await writer.SetUpAsync(cancellationToken);
            return writer;
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }
}
