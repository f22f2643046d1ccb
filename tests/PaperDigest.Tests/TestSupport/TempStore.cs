using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PaperDigest.Papers;
using PaperDigest.Store;
using PaperDigest.Search;
using PaperDigest.Summaries;

namespace PaperDigest.Tests.TestSupport;

/// <summary>A real SQLite file in a temp folder with the real stores on it; deleted on dispose.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Directory = Path.Combine(Path.GetTempPath(), "paperdigest-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path_ = Path.Combine(Directory, "test.db");
        Sqlite = SqliteStore.Open(Path_);
        Papers = new PaperStore(Sqlite, TimeProvider.System);
        Summaries = new SummaryStore(Sqlite);
        Search = new SearchStore(Sqlite);
    }

    public string Directory { get; }
    public string Path_ { get; }
    public SqliteStore Sqlite { get; }
    public PaperStore Papers { get; }
    public SummaryStore Summaries { get; }
    public SearchStore Search { get; }

    public static Paper Paper(string id, string title, string abstractText, DateOnly? published = null, string? code = null, params string[] authors) =>
        new(new ArxivId(id, 1), title, abstractText, authors.Length > 0 ? authors : ["Ada Lovelace", "Alan Turing"], published, ["cs.CL"], CodeUrl: code);

    public Task SummaryAsync(string paperId, string style, JsonObject fields, IReadOnlyList<string>? unsupported = null, string source = "HTML") =>
        Summaries.SaveAsync(new StoredSummary(new SummaryKey(paperId, "1", style, "zh", style + "-test", "test-model"), "ok", fields, source,
            unsupported ?? [], null, 10, 20, DateTimeOffset.UtcNow), CancellationToken.None);

    public async Task TopicAsync(string paperId, string topic)
    {
        await using var connection = await Sqlite.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO paper_topics (paper_id, topic, first_seen) VALUES ($id, $topic, '2026-01-01T00:00:00Z')";
        command.Parameters.AddWithValue("$id", paperId);
        command.Parameters.AddWithValue("$topic", topic);
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
