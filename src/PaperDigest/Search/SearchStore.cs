using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using PaperDigest.Store;

namespace PaperDigest.Search;

/// <summary>
/// Full-text search over the FTS5 indexes of migration 2 (kept in sync by triggers), ranked by BM25 with the title
/// weighted highest (words: title 10, authors 2, abstract 1, summaries 1.5; trigrams: title 10, summaries 1.5); filters by date, topic and code; paged.
/// Ranking has a cost budget (<see cref="SearchOptions"/>), so that a query's cost does not grow with its matches: a
/// query that fits it is ranked exactly; beyond, bounded candidates are (title matches first), and the total counts
/// them only (a lower bound, <see cref="SearchPage.Bounded"/>).
/// </summary>
internal sealed class SearchStore(SqliteStore store, SearchOptions? options = null)
{
    /// <summary>At most this many trigrams stand for a 1-2 character term; beyond, the term is matched by a scan.</summary>
    public const int MaxExpansion = 400;

    private readonly SearchOptions _options = options ?? new SearchOptions();

    public async Task<SearchPage> SearchAsync(SearchQuery query, SearchTerms terms, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var p = new DynamicParameters();
        var ctes = new List<string>();
        // MATERIALIZED: each index is queried once; otherwise SQLite may rerun one MATCH per row of the other.
        var bounded = false;
        if (terms.Words.Count > 0)
        {
            var (cte, capped) = await WordsAsync(connection, p, terms, cancellationToken);
            ctes.Add(cte);
            bounded |= capped;
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
            var match = string.Join(' ', trigram);
            var (cte, capped) = await IndexAsync(connection, p, new IndexQuery("t", "search_trigram", "{title}", match, match, 0), cancellationToken);
            ctes.Add(cte);
            bounded |= capped;
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
        var with = "WITH " + string.Join(",\n", ctes);
        var matching = $"""
            FROM hits{(where.Count > 0 || !ranked ? " JOIN search_docs d ON d.doc = hits.doc JOIN papers p ON p.id = d.paper_id" : "")}
            {(where.Count > 0 ? "WHERE " + string.Join("\n AND ", where) : "")}
            """;
        var sql = $"""
            {with},
            page AS (
                SELECT hits.doc, hits.r, count(*) OVER () AS total
                {matching}
                ORDER BY {order}
                LIMIT @take OFFSET @skip)
            SELECT p.id AS Id, coalesce(p.published, (SELECT min(l.date) FROM daily_listings l WHERE l.paper_id = p.id)) AS Date,
                   p.title AS Title, p.authors AS Authors, p.code_url AS CodeUrl, p.abstract AS Abstract, x.summaries AS Summaries,
                   page.r AS Rank, page.total AS Total
            FROM page JOIN search_docs d ON d.doc = page.doc JOIN papers p ON p.id = d.paper_id
                 LEFT JOIN search_trigram x ON x.rowid = page.doc
            ORDER BY {order.Replace("hits.", "page.", StringComparison.Ordinal)}
            """;
        p.Add("take", query.PageSize);
        p.Add("skip", (long)(Math.Max(1, query.Page) - 1) * query.PageSize);

        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(sql, p, cancellationToken: cancellationToken))).ToList();
        // A page past the last result still tells how many there are (the window count above has no row to ride on).
        var total = rows.Count > 0 ? rows[0].Total
            : query.Page > 1 ? await connection.ExecuteScalarAsync<long>(new CommandDefinition($"{with}\nSELECT count(*) {matching}", p, cancellationToken: cancellationToken))
            : 0;
        var snippetTerms = terms.All.ToList();
        var results = rows.Select(r => new SearchHit(
            r.Id,
            r.Date is { Length: >= 10 } d ? DateOnly.ParseExact(d[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            r.Title,
            JsonSerializer.Deserialize<List<string>>(r.Authors) ?? [],
            r.CodeUrl,
            SearchSnippet.Make(SnippetSources(r, snippetTerms), snippetTerms),
            r.Rank)).ToList();
        return new SearchPage(query, terms, results, (int)total, bounded);
    }

    /// <summary>
    /// The words' CTE. A word in more than half the papers is a near-stopword: it must occur, but is not ranked, since
    /// FTS5's BM25 gives it no weight (its idf is clamped to 1e-6) yet walks its whole doclist to find that out; so is a
    /// word whose doclist alone would take the whole budget to walk (or in more than FrequentDf papers). Document counts are estimated from the newest DfSample papers, a
    /// walk of a bounded part of each doclist; they only choose how to rank, never a score.
    /// </summary>
    private async Task<(string Cte, bool Bounded)> WordsAsync(SqliteConnection connection, DynamicParameters p, SearchTerms terms, CancellationToken ct)
    {
        if (_options.RankCap == int.MaxValue)
            return await IndexAsync(connection, p, new IndexQuery("w", "search_words", "{title}", terms.WordsMatch, terms.WordsMatch, 0), ct);
        var last = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT max(doc) FROM search_docs", cancellationToken: ct)) ?? 0;
        var from = Math.Max(0, last - _options.DfSample);
        var frequent = Math.Min(Math.Min(_options.FrequentDf, last / 2), (long)(_options.RankBudgetMicroseconds / _options.WalkMicroseconds));
        var ranked = new List<string>();
        long rankedDf = 0;
        foreach (var word in terms.Words)
        {
            var sampled = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM search_words WHERE search_words MATCH @word AND rowid > @from",
                new { word = SearchTerms.Quote(word), from }, cancellationToken: ct));
            var df = sampled * last / Math.Max(1, last - from);
            if (df > frequent) continue;
            ranked.Add(SearchTerms.Quote(word));
            rankedDf += df;
        }
        var query = new IndexQuery("w", "search_words", "{title}", ranked.Count > 0 ? string.Join(' ', ranked) : null, terms.WordsMatch, rankedDf);
        return await IndexAsync(connection, p, query, ct);
    }

    /// <summary>
    /// One index's CTE of (doc, r), within a cost budget (<see cref="SearchOptions"/>): BM25 walks each ranked term's
    /// doclist, then costs about a microsecond a ranked row. All matches are ranked exactly when that fits; beyond,
    /// bounded candidates: the title matches (the newest CandidateCap) and the newest FillCap others, each ranked by the
    /// same BM25 as exact ranking (see <see cref="Titled"/>), when walking the doclists five times fits; otherwise the
    /// newest CandidateCap matches, ranked. With no ranked term (near-stopwords only), title matches first, newest
    /// first. The probes only walk doclists (no ranking), a bounded number of entries each.
    /// </summary>
    private async Task<(string Cte, bool Bounded)> IndexAsync(SqliteConnection connection, DynamicParameters p, IndexQuery q, CancellationToken ct)
    {
        var (name, table) = (q.Name, q.Table);
        // Near-stopwords filter the ranked rows (+rowid: one walk into a temporary index, not one FTS5 query per row).
        var filter = q.Ranked == q.All ? "" : $" AND +rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH @{name}All AND rowid >= @{name}Floor)";
        if (filter.Length > 0) p.Add(name + "All", q.All);
        p.Add(name + "Floor", 0);
        var cap = _options.CandidateCap;
        if (q.Ranked is null)
        {
            var (_, untitledAll) = Titled(q.All, q.TitleColumns);
            p.Add(name + "Title", $"{q.TitleColumns} : ({q.All})");
            p.Add(name + "Untitled", untitledAll);
            p.Add(name + "Cap", cap);
            p.Add(name + "Fill", _options.FillCap);
            return ($"""
                {name} AS MATERIALIZED (
                    SELECT doc, r FROM (SELECT rowid AS doc, -1.0 AS r FROM {table} WHERE {table} MATCH @{name}Title ORDER BY rowid DESC LIMIT @{name}Cap)
                    UNION ALL SELECT doc, r FROM (SELECT rowid AS doc, 0.0 AS r FROM {table} WHERE {table} MATCH @{name}Untitled ORDER BY rowid DESC LIMIT @{name}Fill))
                """, await CountAsync(connection, table, q.All, cap + _options.FillCap, ct) > cap + _options.FillCap);
        }

        p.Add(name + "Match", q.Ranked);
        var exact = $"{name} AS MATERIALIZED (SELECT rowid AS doc, rank AS r FROM {table} WHERE {table} MATCH @{name}Match{filter})";
        var walk = q.RankedDf * _options.WalkMicroseconds;
        var affordable = (long)Math.Clamp((_options.RankBudgetMicroseconds - walk) / _options.RowMicroseconds, 0, _options.RankCap);
        if (_options.RankCap == int.MaxValue || await CountAsync(connection, table, q.Ranked, affordable, ct) <= affordable) return (exact, false);

        if (5 * walk + (cap + _options.FillCap) * _options.RowMicroseconds > _options.RankBudgetMicroseconds)
        {
            p.Add(name + "Floor", await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                $"SELECT rowid FROM {table} WHERE {table} MATCH @match ORDER BY rowid DESC LIMIT 1 OFFSET @cap - 1",
                new { match = q.Ranked, cap }, cancellationToken: ct)) ?? 0);
            return ($"{name} AS MATERIALIZED (SELECT rowid AS doc, rank AS r FROM {table} WHERE {table} MATCH @{name}Match AND rowid >= @{name}Floor{filter})", true);
        }

        var (titled, untitled) = Titled(q.Ranked, q.TitleColumns);
        var probe = await connection.QuerySingleAsync<Probe>(new CommandDefinition(
            $"""
            WITH titles AS MATERIALIZED (SELECT rowid FROM {table} WHERE {table} MATCH @titled ORDER BY rowid DESC LIMIT @cap + 1)
            SELECT (SELECT count(*) FROM titles) AS Titles, (SELECT min(rowid) FROM titles) AS TitleFloor,
                   (SELECT rowid FROM {table} WHERE {table} MATCH @untitled ORDER BY rowid DESC LIMIT 1 OFFSET @fill - 1) AS FillFloor
            """, new { titled, untitled, cap, fill = Math.Max(1, _options.FillCap) }, cancellationToken: ct));
        p.Add(name + "Titled", titled);
        var titleFloor = probe.Titles <= cap ? 0 : probe.TitleFloor ?? 0;
        p.Add(name + "TitleFloor", titleFloor);
        p.Add(name + "Floor", _options.FillCap > 0 ? Math.Min(titleFloor, probe.FillFloor ?? 0) : titleFloor);
        var cte = new StringBuilder($"{name} AS MATERIALIZED (SELECT rowid AS doc, rank AS r FROM {table} WHERE {table} MATCH @{name}Titled AND rowid > @{name}TitleFloor{filter}");
        if (_options.FillCap > 0)
        {
            p.Add(name + "Untitled", untitled);
            p.Add(name + "FillFloor", probe.FillFloor ?? 0);
            cte.Append($"\n    UNION ALL SELECT rowid, rank FROM {table} WHERE {table} MATCH @{name}Untitled AND rowid >= @{name}FillFloor{filter}");
        }
        return (cte.Append(')').ToString(), true);
    }

    /// <summary>How many rows match, counting no further than limit + 1 (a doclist walk, no ranking).</summary>
    private static Task<long> CountAsync(SqliteConnection connection, string table, string match, long limit, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH @match LIMIT @limit + 1)", new { match, limit }, cancellationToken: ct));

    /// <summary>
    /// MATCH expressions for the matches with every term in the title columns, and for the others. Phrases under NOT
    /// add nothing to BM25 (FTS5 clears their hits on the rows that match), so both are ranked exactly as the plain
    /// expression ranks the same rows: "A NOT (A NOT {title}:A)" matches A-in-title yet scores only A.
    /// </summary>
    internal static (string Titled, string Untitled) Titled(string match, string titleColumns)
    {
        var untitled = $"({match}) NOT ({titleColumns} : ({match}))";
        return ($"({match}) NOT ({untitled})", untitled);
    }

    /// <summary>Where a snippet is cut from: Chinese queries prefer the (mostly Chinese) summaries, others the abstract.</summary>
    private static IEnumerable<string> SnippetSources(Row r, IReadOnlyList<string> terms) =>
        terms.Any(SearchTerms.ContainsCjk) ? [r.Summaries ?? "", r.Abstract, r.Title] : [r.Abstract, r.Summaries ?? "", r.Title];

    /// <summary>One index's part of a query: Ranked (null: nothing to rank) is what BM25 weighs, All what every result matches; RankedDf sums the ranked terms' document counts.</summary>
    private sealed record IndexQuery(string Name, string Table, string TitleColumns, string? Ranked, string All, long RankedDf);

    private sealed class Probe
    {
        public long Titles { get; init; }
        public long? TitleFloor { get; init; }
        public long? FillFloor { get; init; }
    }

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
