using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PaperDigest.Listings;
using PaperDigest.Search;

namespace PaperDigest.Web;

/// <summary>The HTML pages and Atom feeds of the reader (PRODUCT.md "Web reader routes"); read-only GETs.</summary>
internal static class ReaderEndpoints
{
    public static IEndpointRouteBuilder MapReader(this IEndpointRouteBuilder app)
    {
        var links = WebLinks.Server;
        var html = app.MapGroup("").ExcludeFromDescription();
        html.MapGet("/", (SourceDigestPageService sources, CancellationToken ct) => Send(sources.HomeAsync(links, ct)));
        html.MapGet("/daily", (SourceDigestPageService sources, CancellationToken ct) => Send(sources.ArchiveAsync(links, ct)));
        // /daily/<date> is a Hugging Face day, /daily/<source> a named source's archive: a source name is never shaped like a day.
        html.MapGet("/daily/{date}", (string date, ReaderPageService pages, SourceDigestPageService sources, CancellationToken ct) =>
            SourceOptions.IsName(date.TrimEnd('/')) ? Send(sources.SourceArchiveAsync(date, links, ct)) : Send(pages.DayAsync(date, links, ct)));
        html.MapGet("/daily/{source}/{date}", (string source, string date, SourceDigestPageService sources, CancellationToken ct) =>
            Send(sources.SourceDayAsync(source, date, links, ct)));
        html.MapGet("/papers/{**id}", (string id, ReaderPageService pages, CancellationToken ct) => Send(pages.PaperAsync(id, links, ct)));
        html.MapGet("/topics", (ReaderPageService pages, CancellationToken ct) => Send(pages.TopicsAsync(links, ct)));
        // A topic name may hold '/': its link escapes it as %2F, which the server leaves escaped in the path.
        html.MapGet("/topics/{**name}", (string? name, ReaderPageService pages, CancellationToken ct) => string.IsNullOrEmpty(name)
            ? Send(pages.TopicsAsync(links, ct))
            : Send(pages.TopicAsync(name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), links, ct)));
        html.MapGet("/robots.txt", () => Results.Text(RobotsTxt, "text/plain; charset=utf-8"));
        html.MapGet("/trends", (ReaderPageService pages, CancellationToken ct) => Send(pages.TrendsAsync(links, ct)));
        html.MapGet("/search", SearchAsync);
        html.MapGet("/feeds/daily.atom", (HttpRequest request, WebOptions options, ReaderPageService pages, CancellationToken ct) =>
            Send(pages.DailyFeedAsync(BaseUrl(request, options), isStatic: false, ct)));
        html.MapGet("/feeds/daily/{file}", async (string file, HttpRequest request, WebOptions options, SourceDigestPageService sources, CancellationToken ct) =>
            Result(await sources.SourceFeedAsync(file, BaseUrl(request, options), isStatic: false, ct) ?? ReaderPageService.NotFound($"No source feed '{file}'.", links)));
        html.MapGet("/feeds/topics/{file}", async (string file, HttpRequest request, WebOptions options, ReaderPageService pages, CancellationToken ct) =>
            Result(await pages.TopicFeedAsync(file, BaseUrl(request, options), isStatic: false, ct) ?? ReaderPageService.NotFound($"No topic feed '{file}'.", links)));
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, SearchStore search, ReaderStore reader, WebOptions options, CancellationToken ct)
    {
        var q = request.Query;
        var topics = await reader.TopicsAsync(ct);
        if (!SearchForm.TryRead(q["q"], q["from"], q["to"], q["topic"], q["code"], q["page"], out var form, out var error))
            return Result(new WebPage(400, SearchPageRenderer.Render(form, null, error, topics, WebLinks.Server)));
        if (form.IsBlank) return Result(new WebPage(200, SearchPageRenderer.Render(form, null, null, topics, WebLinks.Server)));
        if (!form.TryBuild(options.PageSize, out var query, out var terms, out error))
            return Result(new WebPage(400, SearchPageRenderer.Render(form, null, error, topics, WebLinks.Server)));
        var page = await search.SearchAsync(query, terms, ct);
        return Result(new WebPage(200, SearchPageRenderer.Render(form, page, null, topics, WebLinks.Server)));
    }

    /// <summary>Crawlers may read the pages; search result pages are endless combinations and are left out.</summary>
    public const string RobotsTxt = "User-agent: *\nDisallow: /search\nDisallow: /api/\n";

    /// <summary>
    /// The reader's address for absolute links in feeds: web.base_url when set (the Host header is then never
    /// reflected), else the address the request reached, else (no or unusable Host) empty, for links relative to the feed.
    /// </summary>
    internal static string BaseUrl(HttpRequest request, WebOptions options)
    {
        if (options.BaseUrl.Length > 0) return options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/";
        if (!request.Host.HasValue) return "";
        var url = $"{request.Scheme}://{request.Host.Value}{request.PathBase}/";
        return Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.AbsoluteUri : "";
    }

    private static async Task<IResult> Send(Task<WebPage> page) => Result(await page);

    internal static IResult Result(WebPage page) => Results.Content(page.Body, page.ContentType, System.Text.Encoding.UTF8, page.Status);
}
