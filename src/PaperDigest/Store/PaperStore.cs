using System.Globalization;
using System.Text.Json;
using Dapper;
using PaperDigest.Papers;

namespace PaperDigest.Store;

/// <summary>Papers and the daily listings that name them.</summary>
internal sealed class PaperStore(SqliteStore store, TimeProvider time)
{
    private const string SelectPaper =
        """
        SELECT id AS Id, version AS Version, title AS Title, abstract AS Abstract, authors AS Authors, categories AS Categories,
               comment AS Comment, published AS Published, code_url AS CodeUrl, github_stars AS GithubStars, upvotes AS Upvotes,
               ai_summary AS AiSummary, ai_keywords AS AiKeywords, code_checked_at AS CodeCheckedAt
        FROM papers
        """;

    /// <summary>
    /// Insert-or-merge of one paper (parameters @Id … @Now): new non-empty values win, known values are never erased,
    /// and the published date stays the earliest seen (the first version's). The bulk importer binds its rows to it too.
    /// </summary>
    internal const string UpsertSql =
        """
        INSERT INTO papers (id, version, title, abstract, authors, categories, comment, published, code_url, github_stars,
                            upvotes, ai_summary, ai_keywords, first_seen, updated_at)
        VALUES (@Id, @Version, @Title, @Abstract, @Authors, @Categories, @Comment, @Published, @CodeUrl, @GithubStars,
                @Upvotes, @AiSummary, @AiKeywords, @Now, @Now)
        ON CONFLICT (id) DO UPDATE SET
            version      = nullif(max(coalesce(excluded.version, 0), coalesce(papers.version, 0)), 0),
            title        = CASE WHEN excluded.title <> '' THEN excluded.title ELSE papers.title END,
            abstract     = CASE WHEN excluded.abstract <> '' THEN excluded.abstract ELSE papers.abstract END,
            authors      = CASE WHEN excluded.authors <> '[]' THEN excluded.authors ELSE papers.authors END,
            categories   = CASE WHEN excluded.categories <> '[]' THEN excluded.categories ELSE papers.categories END,
            comment      = coalesce(excluded.comment, papers.comment),
            published    = CASE WHEN papers.published IS NULL OR excluded.published < papers.published THEN coalesce(excluded.published, papers.published) ELSE papers.published END,
            code_url     = coalesce(excluded.code_url, papers.code_url),
            github_stars = coalesce(excluded.github_stars, papers.github_stars),
            upvotes      = coalesce(excluded.upvotes, papers.upvotes),
            ai_summary   = coalesce(excluded.ai_summary, papers.ai_summary),
            ai_keywords  = coalesce(excluded.ai_keywords, papers.ai_keywords),
            updated_at   = excluded.updated_at
        """;

    /// <summary>Inserts or merges papers: new non-empty values win, known values are never erased by a source that lacks them.</summary>
    public async Task UpsertAsync(IEnumerable<Paper> papers, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = time.GetUtcNow().ToString("O");
        foreach (var p in papers)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                UpsertSql,
                new
                {
                    p.Id.Id,
                    p.Id.Version,
                    p.Title,
                    p.Abstract,
                    Authors = JsonSerializer.Serialize(p.Authors),
                    Categories = JsonSerializer.Serialize(p.Categories),
                    p.Comment,
                    Published = p.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    p.CodeUrl,
                    p.GithubStars,
                    p.Upvotes,
                    p.AiSummary,
                    AiKeywords = p.AiKeywords is { Count: > 0 } k ? JsonSerializer.Serialize(k) : null,
                    Now = now,
                }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Replaces the listing of one day with these papers, in this order (HF order by upvotes).</summary>
    public async Task SaveListingAsync(DateOnly date, IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        await UpsertAsync(papers, cancellationToken);
        await using var connection = await store.ConnectAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM daily_listings WHERE date = @day", new { day }, transaction, cancellationToken: cancellationToken));
        for (var i = 0; i < papers.Count; i++)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT OR REPLACE INTO daily_listings (date, position, paper_id, upvotes) VALUES (@day, @i, @id, @upvotes)",
                new { day, i, id = papers[i].Id.Id, upvotes = papers[i].Upvotes ?? 0 }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The papers listed on a day, in listing order; empty when the day is unknown.</summary>
    public async Task<IReadOnlyList<Paper>> ListingAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            SelectPaper.Replace("FROM papers", "FROM daily_listings d JOIN papers ON papers.id = d.paper_id", StringComparison.Ordinal)
                .Replace("upvotes AS Upvotes", "d.upvotes AS Upvotes", StringComparison.Ordinal)
            + " WHERE d.date = @day ORDER BY d.position",
            new { day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPaper()).ToList();
    }

    /// <summary>The stored paper with this bare arXiv id, or null when the store does not have it.</summary>
    public async Task<Paper?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(SelectPaper + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToPaper();
    }

    /// <summary>These papers in one query, in the order given; unknown ids are left out. (IN @ids: one id is an equality, where json_each cost a third more.)</summary>
    public async Task<IReadOnlyList<Paper>> FindManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        await using var connection = await store.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            SelectPaper + " WHERE id IN @ids", new { ids }, cancellationToken: cancellationToken));
        var byId = rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return ids.Where(byId.ContainsKey).Select(id => byId[id].ToPaper()).ToList();
    }

    /// <summary>When code links were last looked for (null: never), so papers without code are rechecked only now and then.</summary>
    public async Task<DateTimeOffset?> CodeCheckedAtAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var at = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT code_checked_at FROM papers WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return at is null ? null : DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
    }

    public async Task SetCodeAsync(string id, string? codeUrl, int? stars, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE papers SET code_url = coalesce(@codeUrl, code_url), github_stars = coalesce(@stars, github_stars), code_checked_at = @now WHERE id = @id",
            new { id, codeUrl, stars, now = time.GetUtcNow().ToString("O") }, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public long? Version { get; init; }
        public string Title { get; init; } = "";
        public string Abstract { get; init; } = "";
        public string Authors { get; init; } = "[]";
        public string Categories { get; init; } = "[]";
        public string? Comment { get; init; }
        public string? Published { get; init; }
        public string? CodeUrl { get; init; }
        public long? GithubStars { get; init; }
        public long? Upvotes { get; init; }
        public string? AiSummary { get; init; }
        public string? AiKeywords { get; init; }
        public string? CodeCheckedAt { get; init; }

        public Paper ToPaper() => new(
            new ArxivId(Id, Version is { } v ? (int)v : null),
            Title,
            Abstract,
            JsonSerializer.Deserialize<List<string>>(Authors) ?? [],
            Published is null ? null : DateOnly.ParseExact(Published, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize<List<string>>(Categories) ?? [],
            Comment,
            CodeUrl,
            GithubStars is { } s ? (int)s : null,
            Upvotes is { } u ? (int)u : null,
            AiSummary,
            AiKeywords is null ? null : JsonSerializer.Deserialize<List<string>>(AiKeywords));
    }
}
