using Microsoft.Data.Sqlite;
using PaperDigest.Store;

namespace PaperDigest.Import;

/// <summary>
/// Copies an import's commits from the WAL into the database file on a thread and connection of its own, so that the
/// writer does not stop for it (its automatic checkpoint is off while it imports): on two cores the copying runs beside
/// the writer's indexing, about 8% off a 1x import. A passive checkpoint never blocks the writer or waits for readers: it
/// copies what was committed when it began. <see cref="Committed"/> asks for one; requests made while one runs are folded
/// into the next.
/// <para>
/// SQLite starts the WAL over when a writer begins and finds it wholly copied, which a writer that never pauses seldom
/// does. So past <see cref="WalLimit"/> the writer, before its next transaction, waits for the running pass and copies
/// the rest itself (<see cref="BoundWal"/>): the WAL then starts over, and an import's disk use stays within about
/// <see cref="WalLimit"/> of the store's, as with SQLite's own checkpoints (a reader that holds an old snapshot delays
/// it, as it would them).
/// </para>
/// </summary>
internal sealed class ImportCheckpointer : IDisposable
{
    /// <summary>The WAL's size past which the writer copies the rest and lets it start over.</summary>
    public const long WalLimit = 128L << 20;

    private const string Passive = "PRAGMA wal_checkpoint(PASSIVE)";
    private readonly SqliteConnection connection;
    private readonly long walLimit, frameBytes;
    private readonly SemaphoreSlim requested = new(0, 1);
    private readonly ManualResetEventSlim idle = new(true);
    private readonly Thread thread;
    private volatile bool stopping;
    private long walFrames; // frames in the WAL at the last checkpoint (PRAGMA wal_checkpoint's "log")

    public ImportCheckpointer(SqliteStore store, long walLimit = WalLimit)
    {
        this.walLimit = walLimit;
        connection = store.OpenDedicated();
        try
        {
            using var pageSize = connection.CreateCommand();
            pageSize.CommandText = "PRAGMA page_size";
            frameBytes = (long)pageSize.ExecuteScalar()! + 24; // a WAL frame: a page and its header
            thread = new Thread(Run) { IsBackground = true, Name = "import checkpoint" };
            thread.Start();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The writer committed: copy it when the running pass ends.</summary>
    public void Committed()
    {
        try { requested.Release(); } catch (SemaphoreFullException) { } // one is already asked for
    }

    private void Run()
    {
        using var command = connection.CreateCommand();
        command.CommandText = Passive;
        while (true)
        {
            requested.Wait();
            if (stopping) return;
            idle.Reset();
            try { Checkpoint(command, byWriter: false); }
            catch (SqliteException) { } // best effort: the next pass, the writer's or SQLite's own after the import copies it
            finally { idle.Set(); }
        }
    }

    /// <summary>Before the writer's next transaction: past the WAL limit, the running pass is awaited and the rest copied on the writer's connection.</summary>
    public void BoundWal(SqliteConnection writer)
    {
        if (Interlocked.Read(ref walFrames) * frameBytes <= walLimit) return;
        idle.Wait();
        using var command = writer.CreateCommand();
        command.CommandText = Passive;
        Checkpoint(command, byWriter: true);
    }

    /// <summary>
    /// A passive checkpoint, noting the WAL's frames. When the writer's own copied everything, the WAL starts over at its
    /// next transaction, so it counts as empty; the background pass's never does (the writer has gone on appending).
    /// </summary>
    private void Checkpoint(SqliteCommand command, bool byWriter)
    {
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return;
        var (log, copied) = (reader.GetInt64(1), reader.GetInt64(2));
        Interlocked.Exchange(ref walFrames, byWriter && copied >= log ? 0 : log);
    }

    public void Dispose()
    {
        stopping = true;
        Committed();
        thread.Join();
        connection.Dispose();
        requested.Dispose();
        idle.Dispose();
    }
}
