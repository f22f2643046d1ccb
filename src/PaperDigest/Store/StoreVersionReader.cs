using Microsoft.Data.Sqlite;

namespace PaperDigest.Store;

/// <summary>
/// A number that changes whenever the store has changed since the last call: a commit by any other connection (a
/// `daily` or `import` run in another process, a writer of this one), seen through SQLite's PRAGMA data_version on one
/// dedicated connection with its command kept prepared (a few microseconds a call). What the reader's page cache keys
/// its pages by, so a cached page is never served once the store has moved on.
/// </summary>
internal sealed class StoreVersionReader(SqliteStore store) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _command;
    private long _dataVersion;
    private long _version;

    public long Current()
    {
        lock (_gate)
        {
            try
            {
                if (_command is null)
                {
                    _connection = store.OpenDedicated();
                    _command = _connection.CreateCommand();
                    _command.CommandText = "PRAGMA data_version;";
                    _command.Prepare();
                    _dataVersion = (long)_command.ExecuteScalar()!;
                    return ++_version; // a new connection's numbers say nothing about the old one's
                }
                var dataVersion = (long)_command.ExecuteScalar()!;
                if (dataVersion != _dataVersion)
                {
                    _dataVersion = dataVersion;
                    _version++;
                }
                return _version;
            }
            catch (SqliteException)
            {
                // Unknown: count it as a change (nothing cached before is served) and reconnect on the next call.
                Close();
                return ++_version;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate) Close();
    }

    private void Close()
    {
        _command?.Dispose();
        _connection?.Dispose();
        _command = null;
        _connection = null;
    }
}
