using PaperDigest;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Cli;
using PaperDigest.Configuration;
using PaperDigest.Http;
using PaperDigest.Papers;
using PaperDigest.Sources;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Sources;

public sealed class HuggingFacePaperClientTests
{
    [FixtureFact]
    public async Task FindAsync_KnownPaper_ReadsRepoStarsUpvotesAndAiFields()
    {
        // Given a fake HF endpoint serving the recorded /api/papers/2608.09888
        var json = Fixtures.Read("hf_paper_api/hf_api_papers_2608.09888.json");
        await using var server = await FakeHttpServer.StartAsync(ctx => ctx.Request.Path == "/api/papers/2608.09888"
            ? FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.OK, json, "application/json")
            : FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.NotFound, "{\"error\":\"Not Found\"}", "application/json"));
        using var remote = Remote(server);
        var client = new HuggingFacePaperClient(remote.Http);

        // When the paper is looked up (with a version, which HF does not use)
        var paper = await client.FindAsync(ArxivId.Parse("2608.09888v2"));

        // Then HF's fields are read
        Assert.NotNull(paper);
        Assert.Equal("2608.09888", paper.Id.Id);
        Assert.Equal("https://github.com/pathwaycom/arc-task-gen", paper.GithubRepo);
        Assert.Equal(11184, paper.GithubStars);
        Assert.Equal(782, paper.Upvotes);
        Assert.Equal("BDH-CQ: In-Context Learning with Recurrent Latent Reasoning", paper.Title);
        Assert.StartsWith("A 150M-parameter reasoning model", paper.AiSummary, StringComparison.Ordinal);
        Assert.Equal(5, paper.AiKeywords.Count);
        Assert.Equal("in-context learning", paper.AiKeywords[0]);
    }

    [Fact]
    public async Task FindAsync_UnknownPaper_ReturnsNull()
    {
        // Given a fake HF endpoint that knows no papers
        await using var server = await FakeHttpServer.StartAsync(ctx =>
            FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.NotFound, "{\"error\":\"Paper not found\"}", "application/json"));
        using var remote = Remote(server);
        var client = new HuggingFacePaperClient(remote.Http);

        // When a paper is looked up
        var paper = await client.FindAsync(ArxivId.Parse("2609.00001"));

        // Then the answer is "no such paper", not an exception, after one request
        Assert.Null(paper);
        Assert.Equal("/api/papers/2609.00001", Assert.Single(server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task FindAsync_Throttled_RetriesThenReadsMinimalPaper()
    {
        // Given a fake HF endpoint that throttles once, then answers a paper without optional fields
        var calls = 0;
        await using var server = await FakeHttpServer.StartAsync(ctx => Interlocked.Increment(ref calls) == 1
            ? FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.TooManyRequests, "slow down", "text/plain")
            : FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.OK, "{\"id\":\"2609.00001\",\"upvotes\":0}", "application/json"));
        using var remote = Remote(server);
        var client = new HuggingFacePaperClient(remote.Http);

        // When the paper is looked up
        var paper = await client.FindAsync(ArxivId.Parse("2609.00001"));

        // Then the "huggingface" remote retried it and the missing fields are null or empty
        Assert.Equal(2, server.Requests.Count);
        Assert.NotNull(paper);
        Assert.Null(paper.GithubRepo);
        Assert.Null(paper.GithubStars);
        Assert.Equal(0, paper.Upvotes);
        Assert.Empty(paper.AiKeywords);
    }

    [Fact]
    public async Task FindAsync_ProductionWiring_RetriesAServerError()
    {
        // Given a fake HF endpoint that fails once, and the client as the CLI composes it (it once had retries off there)
        var calls = 0;
        await using var server = await FakeHttpServer.StartAsync(ctx => Interlocked.Increment(ref calls) == 1
            ? FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.BadGateway, "bad gateway", "text/plain")
            : FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.OK, "{\"id\":\"2609.00001\",\"upvotes\":3}", "application/json"));
        var options = new AppOptions { HuggingFace = { Endpoint = server.BaseAddress.ToString(), RetryDelayMs = 10 } };
        var collection = new ServiceCollection();
        Composition.Register(collection, AppCommand.Track, options, new Secrets(null, null), TimeProvider.System, TextWriter.Null);
        await using var services = collection.BuildServiceProvider();

        // When the paper is looked up
        var paper = await services.GetRequiredService<HuggingFacePaperClient>().FindAsync(ArxivId.Parse("2609.00001"));

        // Then the 502 was retried
        Assert.Equal(3, paper?.Upvotes);
        Assert.Equal(2, server.Requests.Count);
    }

    private static RemoteClient Remote(FakeHttpServer server) =>
        new(Remotes.HuggingFace(server.BaseAddress, RemoteTiming.From(retries: 2, retryDelayMs: 10, timeoutSeconds: 30)));
}
