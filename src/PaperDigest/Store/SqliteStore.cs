using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace PaperDigest.Store;

/// <summary>
/// The one SQLite file everything is remembered in. WAL mode and a busy timeout let two commands run at once;
/// every write is a short transaction, so a killed process loses at most the paper it was working on.
/// </summary>
internal sealed class SqliteStore
{
    private const int Corrupt = 11; // SQLITE_CORRUPT
    private const int NotADatabase = 26; // SQLITE_NOTADB

    /// <summary>Per physical connection, not per open: busy_timeout and synchronous are connection state that SQLite keeps.</summary>
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    private static readonly object Marker = new();

    private readonly string _connectionString;

    /// <summary>The physical connections (SQLite handles, kept alive by the pool) whose PRAGMAs have run.</summary>
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _setUp = new();

    private long _connects;
    private long _physicalSetups;

    private SqliteStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    public static SqliteStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var store = new SqliteStore(full);
        try
        {
            store.Migrate();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is NotADatabase or Corrupt)
        {
            throw new StoreUnreadableException(
                $"{full} is not a PaperDigest database ({(ex.SqliteErrorCode == NotADatabase ? "not a SQLite file" : "the file is damaged")}). Point PAPERDIGEST_DB (or store.path) at the store that `daily` and `import` write.", ex);
        }
        return store;
    }

    /// <summary>
    /// A pooled connection with busy_timeout, foreign_keys and synchronous = NORMAL in force. The pool keeps the
    /// physical connection (and its PRAGMAs) between uses, so they run once per physical connection, not per call.
    /// </summary>
    public async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _connects);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var handle = connection.Handle!;
            if (_setUp.TryGetValue(handle, out _)) return connection;
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = ConnectionPragmas;
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
            _setUp.AddOrUpdate(handle, Marker);
            Interlocked.Increment(ref _physicalSetups);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// An open connection of its own, outside the pool, for a reader that keeps it (and its prepared commands) for its
    /// lifetime; the caller disposes it. Reads only what others commit, so it needs the busy timeout and nothing else.
    /// </summary>
    internal SqliteConnection OpenDedicated()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString());
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 30000;";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>How many connections <see cref="ConnectAsync"/> has handed out: a page's count says whether it reads per paper.</summary>
    internal long Connects => Interlocked.Read(ref _connects);

    /// <summary>How many physical connections <see cref="ConnectAsync"/> has set up (its PRAGMAs ran on each once).</summary>
    internal long PhysicalSetups => Interlocked.Read(ref _physicalSetups);

    private void Migrate()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL;";
            setup.ExecuteNonQuery();
        }

        // BEGIN IMMEDIATE (deferred: false) takes the write lock first, so two processes starting at once
        // migrate one after the other and the second sees the first one's user_version.
        using var transaction = connection.BeginTransaction(deferred: false);

        long current;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "PRAGMA user_version;";
            current = (long)(read.ExecuteScalar() ?? 0L);
        }

        var migrations = StoreMigrations.All;
        if (current > migrations.Count)
            throw new StoreVersionException(
                $"The database {Path} has schema version {current}, newer than this PaperDigest knows ({migrations.Count}). Upgrade PaperDigest or point PAPERDIGEST_DB at another file.");

        for (var i = (int)current; i < migrations.Count; i++)
        {
            using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = migrations[i] + $"\nPRAGMA user_version = {i + 1};";
            step.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
