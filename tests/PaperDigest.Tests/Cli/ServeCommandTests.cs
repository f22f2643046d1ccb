using Microsoft.Data.Sqlite;
using PaperDigest.Store;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

/// <summary>`serve` refuses at start what it could not serve, instead of answering 500 everywhere.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly CliRunner _cli = new();

    private Task<CliResult> ServeAsync(params string[] urls) =>
        _cli.RunAsync(["serve", "--urls", urls.Length > 0 ? urls[0] : "http://127.0.0.1:0"]).WaitAsync(Limit);

    [Fact]
    public async Task Serve_FileNotADatabase_Exit1PlainMessage()
    {
        // Given
        await File.WriteAllTextAsync(_cli.DbPath, "these are my notes, not a database\n" + new string('x', 5000));

        // When
        var result = await ServeAsync();

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{_cli.DbPath} is not a PaperDigest database", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Serve_NewerSchema_Exit1PlainMessage()
    {
        // Given: a store written by a newer PaperDigest
        await using (var connection = new SqliteConnection($"Data Source={_cli.DbPath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {StoreMigrations.All.Count + 5};";
            await command.ExecuteNonQueryAsync();
        }

        // When
        var result = await ServeAsync();

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("newer than this PaperDigest knows", result.Error);
    }

    [Fact]
    public async Task Serve_NoDatabaseThere_Exit1SaysSoCreatesNothing()
    {
        // Given
        _cli.Env["PAPERDIGEST_DB"] = "elsewhere/papers.db";

        // When
        var result = await ServeAsync();

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"there is no PaperDigest store at {Path.Combine(_cli.Dir, "elsewhere", "papers.db")}", result.Error);
        Assert.Contains("PAPERDIGEST_DB", result.Error);
        Assert.False(Directory.Exists(Path.Combine(_cli.Dir, "elsewhere")));
    }

    [Fact]
    public async Task Serve_AddressTheMachineLacks_Exit1NoStackTrace()
    {
        // Given: a store, and an address no interface of this machine has (binding fails; nothing is sent)
        SqliteStore.Open(_cli.DbPath);

        // When
        var result = await ServeAsync("http://10.255.255.1:5080");

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: cannot listen on http://10.255.255.1:5080", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Site_NoDatabaseThere_Exit1SaysSo()
    {
        var result = await _cli.RunAsync("site");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("there is no PaperDigest store at", result.Error);
        Assert.False(File.Exists(_cli.DbPath));
    }

    public void Dispose() => _cli.Dispose();
}
