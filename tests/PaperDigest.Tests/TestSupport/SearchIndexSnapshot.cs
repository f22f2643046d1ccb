using Microsoft.Data.Sqlite;
using PaperDigest.Search;

namespace PaperDigest.Tests.TestSupport;

/// <summary>
/// Every entry of both search indexes, keyed by paper id (not by search id, which may differ between two stores): each
/// term instance (fts5vocab 'instance': term, column, offset) of search_words and search_trigram, and search_trigram's
/// stored text. Two stores whose snapshots are equal answer every search alike.
/// </summary>
internal static class SearchIndexSnapshot
{
    public static async Task<IReadOnlyList<string>> TakeAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE temp.words_terms USING fts5vocab(main, search_words, instance);
            CREATE VIRTUAL TABLE temp.trigram_terms USING fts5vocab(main, search_trigram, instance);
            SELECT d.paper_id || ' words ' || v.term || ' ' || v.col || ' ' || v.offset FROM temp.words_terms v JOIN search_docs d ON d.doc = v.doc
            UNION ALL
            SELECT d.paper_id || ' trigram ' || v.term || ' ' || v.col || ' ' || v.offset FROM temp.trigram_terms v JOIN search_docs d ON d.doc = v.doc
            UNION ALL
            SELECT d.paper_id || ' text ' || t.title || '|' || t.summaries FROM search_trigram t JOIN search_docs d ON d.doc = t.rowid
            ORDER BY 1;
            """;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    /// <summary>The ids a search finds, in rank order, and its total.</summary>
    public static async Task<string> SearchAsync(SearchStore search, string text)
    {
        Assert.True(SearchTerms.TryParse(text, out var terms, out var error), error);
        var page = await search.SearchAsync(new SearchQuery(text), terms, CancellationToken.None);
        return $"{page.Total}: {string.Join(' ', page.Hits.Select(h => h.Id))}";
    }
}
