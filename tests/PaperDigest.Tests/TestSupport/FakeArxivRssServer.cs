using System.Security;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PaperDigest.Tests.TestSupport;

/// <summary>rss.arxiv.org on 127.0.0.1: serves a listing (recorded, or built from papers) at /rss/&lt;cats&gt;; records what was asked.</summary>
public sealed class FakeArxivRssServer : IAsyncDisposable
{
    private volatile string _feed = Empty(new DateOnly(2026, 9, 26));

    private FakeArxivRssServer(FakeHttpServer http) => Http = http;

    public FakeHttpServer Http { get; }

    public Uri BaseUrl => Http.BaseAddress;

    public static async Task<FakeArxivRssServer> StartAsync()
    {
        FakeArxivRssServer? server = null;
        var http = await FakeHttpServer.StartAsync(async ctx =>
        {
            if (!ctx.Request.Path.StartsWithSegments("/rss")) { ctx.Response.StatusCode = 404; return; }
            ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
            await ctx.Response.WriteAsync(server!._feed);
        });
        server = new FakeArxivRssServer(http);
        return server;
    }

    public void SetFeed(string xml) => _feed = xml;

    /// <summary>A listing of these papers on <paramref name="day"/> (arXiv's item layout: "arXiv:ID Announce Type: T \nAbstract: ...").</summary>
    public static string Listing(DateOnly day, IEnumerable<(string Id, string Title, string Abstract, string Authors, string Category, string Announce)> items)
    {
        var date = day.ToDateTime(TimeOnly.MinValue).ToString("ddd, dd MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) + " 00:00:00 -0400";
        var sb = new StringBuilder($"""
            <?xml version='1.0' encoding='UTF-8'?>
            <rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel>
            <title>updates on arXiv.org</title><link>http://rss.arxiv.org/rss/</link><description>d</description><pubDate>{date}</pubDate>
            """);
        foreach (var i in items)
            sb.Append($"""
                <item><title>{SecurityElement.Escape(i.Title)}</title><link>https://arxiv.org/abs/{i.Id}</link>
                <description>arXiv:{i.Id}v1 Announce Type: {i.Announce}
                Abstract: {SecurityElement.Escape(i.Abstract)}</description><guid isPermaLink="false">oai:arXiv.org:{i.Id}v1</guid>
                <category>{i.Category}</category><pubDate>{date}</pubDate><arxiv:announce_type>{i.Announce}</arxiv:announce_type>
                <dc:creator>{SecurityElement.Escape(i.Authors)}</dc:creator></item>
                """);
        return sb.Append("</channel></rss>").ToString();
    }

    public static string Empty(DateOnly day) => Listing(day, []);

    public ValueTask DisposeAsync() => Http.DisposeAsync();
}
