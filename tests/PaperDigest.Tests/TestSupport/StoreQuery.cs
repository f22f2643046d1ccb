using Microsoft.Data.Sqlite;

namespace PaperDigest.Tests.TestSupport;

/// <summary>Reads a value straight from a SQLite file, as a user with the sqlite3 shell would.</summary>
internal static class StoreQuery
{
    public static async Task<object?> ScalarAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
