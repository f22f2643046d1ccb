using Microsoft.AspNetCore.Http;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

/// <summary>`paper &lt;id&gt;` against a fake arXiv API that lists another paper first, as arXiv may.</summary>
public sealed class PaperCommandTests : IAsyncLifetime
{
    private const string Asked = "2602.02276";
    private const string Other = "2609.90000";
    private FakeLlmServer _llm = null!;
    private FakeHttpServer _arxiv = null!;
    private readonly CliRunner _cli = new();

    public async Task InitializeAsync()
    {
        _llm = await FakeLlmServer.StartAsync();
        _arxiv = await FakeHttpServer.StartAsync(ServeArxivAsync);
        _cli.UseFakes(null, _llm);
        _cli.Env["ARXIV_BASE_URL"] = _arxiv.BaseAddress.ToString();
        _cli.Env["ARXIV_API_URL"] = new Uri(_arxiv.BaseAddress, "api/query").ToString();
        _cli.Env["PAPERDIGEST_ARXIV__MIN_INTERVAL_SECONDS"] = "0.001";
    }

    /// <summary>The API lists the other paper first, then the asked one (v2) when asked for 2602.02276; pages answer 404.</summary>
    private static Task ServeArxivAsync(HttpContext ctx)
    {
        if (!ctx.Request.Path.StartsWithSegments("/api/query"))
        {
            ctx.Response.StatusCode = 404;
            return Task.CompletedTask;
        }
        var idList = ctx.Request.Query["id_list"].ToString();
        var entries = FakeArxivFeed.Entry(Other, 1);
        if (idList.Contains(Asked, StringComparison.Ordinal))
            entries += FakeArxivFeed.Entry(Asked, 2).Replace(Asked + "v1", Asked + "v2", StringComparison.Ordinal);
        var feed = FakeArxivFeed.Page(0, 0, 0).Replace("</feed>", entries + "</feed>", StringComparison.Ordinal);
        return FakeArxivFeed.WriteAsync(ctx, System.Net.HttpStatusCode.OK, feed);
    }

    public async Task DisposeAsync()
    {
        await _llm.DisposeAsync();
        await _arxiv.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Paper_VersionedIdListedSecond_SummarizesThatPaper()
    {
        // Given arXiv lists another paper before the one asked for
        // When a versioned id is asked for
        var result = await _cli.RunAsync("paper", Asked + "v2", "--style", "brief");

        // Then it is that paper (generated paper 2), end to end, without a FOREIGN KEY failure
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"https://arxiv.org/pdf/{Asked}", result.Out, StringComparison.Ordinal);
        Assert.Contains("Generated Paper 2", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Generated Paper 1", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paper_IdArxivDoesNotList_Exit1SayingNoSuchPaper()
    {
        // Given arXiv answers with some other paper only
        // When an id it does not know is asked for
        var result = await _cli.RunAsync("paper", "2601.00001", "--style", "brief");

        // Then nothing is summarized
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("arXiv has no paper 2601.00001", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _llm.ChatRequests);
    }
}
