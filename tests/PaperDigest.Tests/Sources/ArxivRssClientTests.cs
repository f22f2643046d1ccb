using System.Net;
using PaperDigest.Sources;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Sources;

public sealed class ArxivRssClientTests
{
    [FixtureFact]
    public async Task GetListingAsync_Categories_RequestsJoinedPathAndParses()
    {
        // Given a fake rss.arxiv.org serving the recorded combined listing
        var xml = Fixtures.Read("arxiv_rss/arxiv_rss_2026-09-24_cs.LG+cs.AI+cs.CL+stat.ML_trimmed4items.xml");
        await using var server = await FakeHttpServer.StartAsync(ctx => FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.OK, xml, "application/rss+xml"));
        using var http = new HttpClient();
        var client = new ArxivRssClient(http, server.BaseAddress);

        // When four categories are listed
        var entries = await client.GetListingAsync(["cs.LG", "cs.AI", "cs.CL", "stat.ML"]);

        // Then one request named them all and the items came back
        var request = Assert.Single(server.Requests);
        Assert.Equal("/rss/cs.LG+cs.AI+cs.CL+stat.ML", request.PathAndQuery);
        Assert.Equal("PaperDigest/0.1 (+https://github.com/paperdigest)", request.Headers["User-Agent"]);
        Assert.Equal(4, entries.Count);
    }
}
