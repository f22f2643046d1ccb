using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PaperDigest.Tests.TestSupport;

/// <summary>
/// Hand-made arXiv API answers in the 2025+ serializer's layout (see arxiv_api/*_search_cat-cs.LG-OR-cs.AI_max20.xml):
/// pages of generated entries with ids counting down, and a request handler that pages like arXiv.
/// </summary>
public static class FakeArxivFeed
{
    /// <summary>The id of the result at <paramref name="index"/> (0 = newest) for a corpus numbered from <paramref name="seed"/>.</summary>
    public static string IdAt(int index, int seed = 0) => $"2609.{90000 - (seed * 1000) - index:D5}";

    public static string Page(int start, int count, int total, int seed = 0, int? itemsPerPage = null)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version='1.0' encoding='UTF-8'?>\n");
        sb.Append("<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns=\"http://www.w3.org/2005/Atom\">\n");
        sb.Append("  <id>https://arxiv.org/api/fake</id>\n  <title>arXiv Query: fake</title>\n  <updated>2026-09-24T17:33:16Z</updated>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <opensearch:itemsPerPage>{itemsPerPage ?? count}</opensearch:itemsPerPage>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <opensearch:totalResults>{total}</opensearch:totalResults>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <opensearch:startIndex>{start}</opensearch:startIndex>\n");
        for (var i = start; i < Math.Min(start + count, total); i++) sb.Append(Entry(IdAt(i, seed), i));
        sb.Append("</feed>\n");
        return sb.ToString();
    }

    public static string Entry(string id, int n) =>
        $"""
          <entry>
            <id>http://arxiv.org/abs/{id}v1</id>
            <title>Generated Paper {n}: A Study of
          Line Wraps | Pipes</title>
            <updated>2026-09-23T17:59:01Z</updated>
            <link href="https://arxiv.org/abs/{id}v1" rel="alternate" type="text/html"/>
            <link href="https://arxiv.org/pdf/{id}v1" rel="related" type="application/pdf" title="pdf"/>
            <summary>We study generated paper {n}. Code: https://github.com/example/paper-{n}.</summary>
            <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
            <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
            <published>2026-09-23T17:59:01Z</published>
            <arxiv:comment>10 pages</arxiv:comment>
            <arxiv:primary_category term="cs.CL"/>
            <author>
              <name>Ada Example</name>
            </author>
          </entry>

        """;

    /// <summary>Answers a query request like arXiv: the page named by start and max_results out of <paramref name="total"/> results.</summary>
    public static Task ServeAsync(HttpContext context, int total, int seed = 0)
    {
        var start = int.Parse(context.Request.Query["start"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
        var max = int.Parse(context.Request.Query["max_results"].FirstOrDefault() ?? "10", CultureInfo.InvariantCulture);
        return WriteAsync(context, HttpStatusCode.OK, Page(start, max, total, seed, max));
    }

    public static async Task WriteAsync(HttpContext context, HttpStatusCode status, string body, string contentType = "application/atom+xml; charset=utf-8")
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
