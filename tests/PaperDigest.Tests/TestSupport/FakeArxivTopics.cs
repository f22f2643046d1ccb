using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PaperDigest.Tests.TestSupport;

/// <summary>
/// A fake arXiv query API for the tracker: each search_query containing a key answers that key's papers (paged like
/// arXiv), or a fixed body and status (an error feed, a cut-off feed). Unknown queries answer an empty feed.
/// </summary>
public sealed class FakeArxivTopics : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<FakePaper>> _papers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (HttpStatusCode Status, string Body)> _raw = new(StringComparer.Ordinal);

    public FakeHttpServer Http { get; private set; } = null!;

    public Uri ApiUrl => new(Http.BaseAddress, "api/query");

    public void Set(string key, params FakePaper[] papers) => _papers[key] = papers;

    public void SetRaw(string key, HttpStatusCode status, string body) => _raw[key] = (status, body);

    public static async Task<FakeArxivTopics> StartAsync()
    {
        var server = new FakeArxivTopics();
        server.Http = await FakeHttpServer.StartAsync(server.HandleAsync);
        return server;
    }

    private Task HandleAsync(HttpContext ctx)
    {
        var query = ctx.Request.Query["search_query"].ToString();
        foreach (var (key, (status, body)) in _raw)
            if (query.Contains(key, StringComparison.Ordinal)) return FakeArxivFeed.WriteAsync(ctx, status, body);
        var papers = _papers.Where(kv => query.Contains(kv.Key, StringComparison.Ordinal)).Select(kv => kv.Value).FirstOrDefault() ?? [];
        var start = int.Parse(ctx.Request.Query["start"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
        var max = int.Parse(ctx.Request.Query["max_results"].FirstOrDefault() ?? "10", CultureInfo.InvariantCulture);
        return FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.OK, Feed(papers.Skip(start).Take(max).ToList(), papers.Count, start));
    }

    public static string Feed(IReadOnlyList<FakePaper> papers, int total, int start = 0)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version='1.0' encoding='UTF-8'?>\n");
        sb.Append("<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns=\"http://www.w3.org/2005/Atom\">\n");
        sb.Append("  <id>https://arxiv.org/api/fake</id>\n  <title>arXiv Query: fake</title>\n  <updated>2026-09-24T17:33:16Z</updated>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <opensearch:itemsPerPage>{papers.Count}</opensearch:itemsPerPage>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <opensearch:totalResults>{total}</opensearch:totalResults>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <opensearch:startIndex>{start}</opensearch:startIndex>\n");
        foreach (var p in papers)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""
              <entry>
                <id>http://arxiv.org/abs/{p.Id}v{p.Version}</id>
                <title>{WebUtility.HtmlEncode(p.Title)}</title>
                <updated>{p.Published}</updated>
                <summary>{WebUtility.HtmlEncode(p.Abstract)}</summary>
                <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
                <published>{p.Published}</published>
                {(p.Comment is null ? "" : $"<arxiv:comment>{WebUtility.HtmlEncode(p.Comment)}</arxiv:comment>")}
                <arxiv:primary_category term="cs.CL"/>
                <author><name>Ada Example</name></author>
              </entry>

            """);
        }
        sb.Append("</feed>\n");
        return sb.ToString();
    }

    public ValueTask DisposeAsync() => Http.DisposeAsync();
}
