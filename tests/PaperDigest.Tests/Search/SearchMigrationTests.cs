using Microsoft.Data.Sqlite;
using PaperDigest.Search;
using PaperDigest.Store;

namespace PaperDigest.Tests.Search;

public sealed class SearchMigrationTests
{
    [Fact]
    public async Task Open_DatabaseAtVersionOne_IndexesTheExistingPapersAndSummaries()
    {
        // Given a database written before search existed (migration 1 only), with a paper and a Chinese summary
        var dir = Path.Combine(Path.GetTempPath(), "paperdigest-migration-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "old.db");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = StoreMigrations.All[0] + """
                    PRAGMA user_version = 1;
                    INSERT INTO papers (id, title, abstract, first_seen, updated_at) VALUES ('2401.00001', 'Old paper on retrieval', 'abstract', 'x', 'x');
                    INSERT INTO summaries (paper_id, paper_version, style, lang, prompt_version, model, status, fields, source, created_at)
                    VALUES ('2401.00001', '', 'brief', 'zh', 'v', 'm', 'ok', '{"summary":"\u68c0\u7d22\u589e\u5f3a\u751f\u6210"}', 'Abs', '2026-01-01T00:00:00Z');
                    """;
                await command.ExecuteNonQueryAsync();
            }

            // When the current PaperDigest opens it and searches in English and Chinese
            var store = SqliteStore.Open(path);
            var search = new SearchStore(store);
            SearchTerms.TryParse("retrieval", out var english, out _);
            SearchTerms.TryParse("检索增强", out var chinese, out _);
            var byWord = await search.SearchAsync(new SearchQuery("retrieval"), english, CancellationToken.None);
            var byChinese = await search.SearchAsync(new SearchQuery("检索增强"), chinese, CancellationToken.None);

            // Then migration 2 indexed what was already there
            Assert.Equal(["2401.00001"], byWord.Hits.Select(h => h.Id));
            Assert.Equal(["2401.00001"], byChinese.Hits.Select(h => h.Id));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
