using System.Text;
using Microsoft.Data.Sqlite;

namespace PaperDigest.Tests.TestSupport;

/// <summary>Asserts that a secret is in no file a run left under a folder: outputs, logs, the store and its WAL.</summary>
internal static class SecretScan
{
    public static async Task AssertNowhereUnderAsync(string dir, string secret)
    {
        // The run's pooled connections are closed first, so the store is one settled file: any test's ClearAllPools may
        // close them at any moment, and the last close moves the WAL into the store and deletes it under a scan that listed it.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            Assert.False((await File.ReadAllTextAsync(file, Encoding.Latin1)).Contains(secret, StringComparison.Ordinal), $"{secret} in {file}");
    }
}
