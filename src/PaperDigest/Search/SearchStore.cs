using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using PaperDigest.Search;
using PaperDigest.Store;

namespace PaperDigest.Search;

/// <summary>
/// Full-text search over the FTS5 indexes of migration 2 (kept in sync by triggers), ranked by BM25 with the title
/// weighted highest (words: title 10, authors 2, abstract 1, summaries 1.5; trigrams: title 10, summaries 1.5); filters by date, topic and code; paged.
/// </summary>
internal sealed class SearchStore(SqliteStore store)
{
    /// <summary>At most this many trigrams stand for a 1-2 character term; beyond, the term is matched by a scan.</summary>
    public const int MaxExpansion = 400;

    public async Task<SearchPage> SearchAsync(SearchQuery query, SearchTerms terms, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var p = new DynamicParameters();
        var ctes = new List<string>();
        // MATERIALIZED: each index is queried once; otherwise SQLite may rerun one MATCH per row of the other.
        if (terms.Words.Count > 0)
        {
            ctes.Add("w AS MATERIALIZED (SELECT rowid AS doc, rank AS r FROM search_words WHERE search_words MATCH @words)");
            p.Add("words", terms.WordsMatch);
        }
        var trigram = terms.Substrings.Select(SearchTerms.Quote).ToList();
        var scanned = new List<string>();
        foreach (var term in terms.Short)
        {
            var grams = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT term FROM search_trigram_vocab WHERE term >= @t AND term < @t || char(1114111) LIMIT @max",
                new { t = term.ToLowerInvariant(), max = MaxExpansion + 1 }, cancellationToken: cancellationToken))).ToList();
            if (grams.Count == 0) return new SearchPage(query, terms, [], 0);
            if (grams.Count > MaxExpansion) scanned.Add(term);
            else trigram.Add("(" + string.Join(" OR ", grams.Select(SearchTerms.Quote)) + ")");
        }
        if (trigram.Count > 0)
        {
            ctes.Add("t AS MATERIALIZED (SELECT rowid AS doc, rank AS r FROM search_trigram WHERE search_trigram MATCH @trigram)");
            p.Add("trigram", string.Join(' ', trigram));
        }
        if (scanned.Count > 0)
        {
            // A 1-2 character term that begins too many trigrams: one scan of the (short) Chinese-bearing text instead.
            ctes.Add($"s AS MATERIALIZED (SELECT rowid AS doc, 0.0 AS r FROM search_trigram WHERE {string.Join(" AND ", scanned.Select((_, i) => $"instr(title || ' ' || summaries, @short{i}) > 0"))})");
            for (var i = 0; i < scanned.Count; i++) p.Add($"short{i}", scanned[i]);
        }
        var names = ctes.Select(c => c[..1]).ToList();
        var hits = names.Count == 0
            ? "hits AS (SELECT doc, 0.0 AS r FROM search_docs)"
            : $"hits AS (SELECT {names[0]}.doc, {string.Join(" + ", names.Select(n => n + ".r"))} AS r FROM {names[0]}"
              + string.Concat(names.Skip(1).Select(n => $" JOIN {n} ON {n}.doc = {names[0]}.doc")) + ")";
        ctes.Add(hits);

        var where = new List<string>();
        if (query.From is not null || query.To is not null)
        {
            where.Add("""
                (p.published BETWEEN @from AND @to
                 OR EXISTS (SELECT 1 FROM daily_listings l WHERE l.paper_id = p.id AND l.date BETWEEN @from AND @to))
                """);
            p.Add("from", query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "0000-00-00");
            p.Add("to", query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "9999-99-99");
        }
        if (!string.IsNullOrEmpty(query.Topic))
        {
            where.Add("EXISTS (SELECT 1 FROM paper_topics pt WHERE pt.paper_id = p.id AND pt.topic = @topic)");
            p.Add("topic", query.Topic);
        }
        if (query.HasCode) where.Add("coalesce(p.code_url, '') <> ''");

        // Ranked by BM25 when there are indexed terms; otherwise (filters or short CJK terms only) newest first.
        var ranked = terms.Words.Count > 0 || trigram.Count > 0;
        var order = ranked ? "hits.r, hits.doc DESC" : "p.published DESC, hits.doc DESC";
        var sql = new StringBuilder("WITH ").AppendJoin(",\n", ctes).Append(
            $"""
            ,
            page AS (
                SELECT hits.doc, hits.r, count(*) OVER () AS total
                FROM hits{(where.Count > 0 || !ranked ? " JOIN search_docs d ON d.doc = hits.doc JOIN papers p ON p.id = d.paper_id" : "")}
                {(where.Count > 0 ? "WHERE " + string.Join("\n AND ", where) : "")}
                ORDER BY {order}
                LIMIT @take OFFSET @skip)
            SELECT p.id AS Id, coalesce(p.published, (SELECT min(l.date) FROM daily_listings l WHERE l.paper_id = p.id)) AS Date,
                   p.title AS Title, p.authors AS Authors, p.code_url AS CodeUrl, p.abstract AS Abstract, x.summaries AS Summaries,
                   page.r AS Rank, page.total AS Total
            FROM page JOIN search_docs d ON d.doc = page.doc JOIN papers p ON p.id = d.paper_id
                 LEFT JOIN search_trigram x ON x.rowid = page.doc
            ORDER BY {order.Replace("hits.", "page.", StringComparison.Ordinal)}
            """);
        p.Add("take", query.PageSize);
        p.Add("skip", (long)(Math.Max(1, query.Page) - 1) * query.PageSize);

        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(sql.ToString(), p, cancellationToken: cancellationToken))).ToList();
        var snippetTerms = terms.All.ToList();
        var results = rows.Select(r => new SearchHit(
            r.Id,
            r.Date is { Length: >= 10 } d ? DateOnly.ParseExact(d[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            r.Title,
            JsonSerializer.Deserialize<List<string>>(r.Authors) ?? [],
            r.CodeUrl,
            SearchSnippet.Make(SnippetSources(r, snippetTerms), snippetTerms),
            r.Rank)).ToList();
        return new SearchPage(query, terms, results, rows.Count > 0 ? (int)rows[0].Total : 0);
    }

    /// <summary>Where a snippet is cut from: Chinese queries prefer the (mostly Chinese) summaries, others the abstract.</summary>
    private static IEnumerable<string> SnippetSources(Row r, IReadOnlyList<string> terms) =>
        terms.Any(SearchTerms.ContainsCjk) ? [r.Summaries ?? "", r.Abstract, r.Title] : [r.Abstract, r.Summaries ?? "", r.Title];

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string? Date { get; init; }
        public string Title { get; init; } = "";
        public string Authors { get; init; } = "[]";
        public string? CodeUrl { get; init; }
        public string Abstract { get; init; } = "";
        public string? Summaries { get; init; }
        public double Rank { get; init; }
        public long Total { get; init; }
    }
}
