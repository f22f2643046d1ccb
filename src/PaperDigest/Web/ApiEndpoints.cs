using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PaperDigest.Papers;
using PaperDigest.Publishing;
using PaperDigest.Search;

namespace PaperDigest.Web;

/// <summary>The JSON API (described at /openapi/v1.json): papers, search, daily digests. Problems are RFC 7807 ProblemDetails.</summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("PaperDigest");
        api.MapGet("/papers/{**id}", GetPaperAsync).WithName("GetPaper").WithSummary("A paper with every stored summary")
            .Produces<ApiPaper>().ProducesProblem(404);
        api.MapGet("/search", SearchAsync).WithName("Search").WithSummary("Full-text search (English and Chinese), ranked by BM25")
            .Produces<ApiSearchResult>().ProducesProblem(400);
        api.MapGet("/daily/{date}", GetDailyAsync).WithName("GetDaily").WithSummary("One day's digest, as daily/<date>.json")
            .Produces<ApiDaily>(200, "application/json").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/daily/{source}/{date}", GetSourceDailyAsync).WithName("GetSourceDaily")
            .WithSummary("One day's digest of a named arXiv source, as daily/<source>/<date>.json: most relevant first, each paper with its relevance")
            .Produces<ApiDaily>(200, "application/json").ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> GetPaperAsync(string id, ReaderStore reader, CancellationToken ct)
    {
        if (!ArxivId.TryParse(id, out var arxiv)) return Results.Problem($"'{id}' is not an arXiv id.", statusCode: 404, title: "Not found");
        if (await reader.PaperAsync(arxiv.Id, ct) is not { } item) return Results.Problem($"No paper {arxiv.Id} is stored.", statusCode: 404, title: "Not found");
        var p = item.Paper;
        return Results.Ok(new ApiPaper(p.Id.Id, p.Id.Version, p.Title, p.Authors, p.Abstract, Day(p.Published), p.Categories, p.Comment,
            Html.SafeUrl(p.CodeUrl), WebLinks.Abs(p.Id.Id), WebLinks.Pdf(p.Id.Id), WebLinks.ArxivHtml(p.Id.Id),
            item.Listed.Select(d => Day(d)!).ToList(), item.Topics,
            item.Summaries.Select(s => new ApiSummary(s.Key.Style, s.Key.Lang, s.Key.Model, s.Key.PromptVersion, s.Status, s.Source,
                s.Fields, s.Unsupported, s.Error, s.CreatedAt.ToString("O", CultureInfo.InvariantCulture))).ToList()));
    }

    /// <param name="q">Words to look for, English or Chinese; all must occur. FTS operators are plain text.</param>
    /// <param name="from">Published or listed on or after this day (YYYY-MM-DD).</param>
    /// <param name="to">Published or listed on or before this day (YYYY-MM-DD).</param>
    /// <param name="topic">Only papers of this tracker topic.</param>
    /// <param name="code">1: only papers with a code link.</param>
    /// <param name="page">Page number, from 1.</param>
    // Every parameter is bound as text, so a malformed value is our 400 with a reason, never a binding failure.
    private static async Task<IResult> SearchAsync(string? q, string? from, string? to, string? topic, string? code, string? page,
        SearchStore search, WebOptions options, CancellationToken ct)
    {
        if (!SearchForm.TryRead(q, from, to, topic, code, page, out var form, out var error)
            || !form.TryBuild(options.PageSize, out var query, out var terms, out error))
            return Results.Problem(error, statusCode: 400, title: "Bad query");
        var found = await search.SearchAsync(query, terms, ct);
        return Results.Ok(new ApiSearchResult(form.Q, found.Total, found.Bounded, query.Page, found.Pages,
            found.Hits.Select(h => new ApiSearchHit(h.Id, Day(h.Date), h.Title, h.Authors, Html.SafeUrl(h.CodeUrl), h.Snippet, h.Rank)).ToList()));
    }

    private static async Task<IResult> GetDailyAsync(string date, ReaderStore reader, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Results.Problem($"'{date}' is not a day (YYYY-MM-DD).", statusCode: 400, title: "Bad request");
        var papers = await reader.DayAsync(day, ct);
        if (papers.Count == 0) return Results.Problem($"No digest for {date}.", statusCode: 404, title: "Not found");
        return Results.Text(DigestJsonRenderer.Render(ToDigest(day, papers)), "application/json; charset=utf-8");
    }

    /// <param name="source">A configured source's name (sources[].name).</param>
    /// <param name="date">The listing's day (YYYY-MM-DD).</param>
    private static async Task<IResult> GetSourceDailyAsync(string source, string date, SourceDigestPageService sources, CancellationToken ct)
    {
        if (SourceDigestPageService.Malformed(source, date, out var day) is { } error) return Results.Problem(error, statusCode: 400, title: "Bad request");
        if (await sources.FindAsync(source, ct) is not { } found) return Results.Problem($"No digest of a source '{source}' is stored.", statusCode: 404, title: "Not found");
        var papers = await sources.PapersAsync(source, day, ct);
        if (papers.Count == 0) return Results.Problem($"No digest of '{source}' for {date}.", statusCode: 404, title: "Not found");
        var relevance = papers.ToDictionary(p => p.Paper.Paper.Id.Id, p => p.Relevance, StringComparer.Ordinal);
        var digest = ToDigest(day, papers.Select(p => p.Paper).ToList(), relevance) with { Origin = new DigestOrigin(found.Title, found.Url ?? WebLinks.Arxiv) };
        return Results.Text(DigestJsonRenderer.Render(digest), "application/json; charset=utf-8");
    }

    /// <summary>The reader's view of a day as the publisher's Digest, so the API answers exactly daily/&lt;date&gt;.json.</summary>
    /// <param name="relevance">Each paper's relevance to the profile (a named source's digest); null for the Hugging Face day.</param>
    internal static Digest ToDigest(DateOnly date, IReadOnlyList<ReaderPaper> papers, IReadOnlyDictionary<string, PaperRelevance>? relevance = null)
    {
        var all = papers.SelectMany(p => p.Summaries).ToList();
        var lang = all.GroupBy(s => s.Key.Lang).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "zh";
        var styles = all.Where(s => s.Key.Lang == lang).Select(s => s.Key.Style).Distinct().ToList();
        var entries = papers.Select(p => new DigestEntry(p.Paper,
            p.Summaries.Where(s => s.Key.Lang == lang).GroupBy(s => s.Key.Style).ToDictionary(g => g.Key, g => g.First()),
            relevance?.GetValueOrDefault(p.Paper.Id.Id))).ToList();
        return new Digest(date, lang, styles, entries);
    }

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
