using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

/// <summary>
/// `daily` written from the full text (issue 10): fake Hugging Face, arXiv pages (the real LaTeXML fixtures for two papers,
/// the real "No HTML" page for the third) and a fake LLM that records every prompt, all on 127.0.0.1.
/// </summary>
public sealed class DailyFullTextTests : IAsyncLifetime
{
    private const string Day = "2026-02-04";
    private const string HtmlPaper = "2501.11120";
    private const string NoHtmlPaper = "2601.17668";

    /// <summary>From the conclusion (section 8 of 8, about 200 KB into the page): not in the abstract HF serves.</summary>
    private const string DeepText = "a capability we refer to as behavioral self-awareness";

    private FakeHuggingFaceServer _hf = null!;
    private FakeLlmServer _llm = null!;
    private FakeHttpServer _arxiv = null!;
    private readonly CliRunner _cli = new();

    /// <summary>While set, every arXiv page answers with this status (an outage).</summary>
    private volatile int _outage;

    public async Task InitializeAsync()
    {
        _hf = await FakeHuggingFaceServer.StartAsync();
        _llm = await FakeLlmServer.StartAsync();
        _arxiv = await FakeHttpServer.StartAsync(ServeArxivAsync);
        _cli.UseFakes(_hf, _llm);
        _cli.Env["ARXIV_BASE_URL"] = _arxiv.BaseAddress.ToString();
        _cli.Env["PAPERDIGEST_READING__RETRIES"] = "0";
        _hf.SetDay(Day, HfDay((HtmlPaper, "Tell me about yourself: LLMs are aware of their learned behaviors", 30),
                              ("2508.08468", "Audio-Visual Speech Enhancement: Architectural Design and Deployment Strategies", 20),
                              (NoHtmlPaper, "A paper without HTML", 10)));
    }

    public async Task DisposeAsync()
    {
        await _hf.DisposeAsync();
        await _llm.DisposeAsync();
        await _arxiv.DisposeAsync();
        _cli.Dispose();
    }

    private async Task ServeArxivAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value!;
        if (_outage != 0)
        {
            ctx.Response.StatusCode = _outage;
            return;
        }
        string? file = path switch
        {
            _ when path.StartsWith("/html/2501.11120", StringComparison.Ordinal) => "arxiv_html/arxiv_html_2501.11120v1.html",
            _ when path.StartsWith("/html/2508.08468", StringComparison.Ordinal) => "arxiv_html/arxiv_html_2508.08468v6.html",
            _ => null,
        };
        if (file is null && path.StartsWith("/html/", StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = 404;
            ctx.Response.ContentType = "text/html";
            await ctx.Response.WriteAsync(Fixtures.Read("arxiv_html/arxiv_html_NOT_AVAILABLE_2601.17668.html"));
            return;
        }
        if (file is null)
        {
            ctx.Response.StatusCode = 404;
            return;
        }
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.WriteAsync(Fixtures.Read(file));
    }

    /// <summary>The whole prompt of every chat request that names <paramref name="paperId"/>, in the order asked.</summary>
    private List<string> PromptsOf(string paperId) =>
        _llm.Http.Requests
            .Where(r => r.PathAndQuery.EndsWith("/chat/completions", StringComparison.Ordinal))
            .Select(r => JsonNode.Parse(r.Body)!["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>()))
            .Select(messages => string.Join("\n\n", messages))
            .Where(p => p.Contains("arXiv: " + paperId, StringComparison.Ordinal))
            .ToList();

    private int PageRequests(string paperId) => _arxiv.Requests.Count(r => r.PathAndQuery.Contains(paperId, StringComparison.Ordinal));

    [FixtureFact]
    public async Task Daily_ThreeStyles_EveryPromptCarriesDeepTextAndEachPageIsRequestedOnce()
    {
        // When
        var first = await _cli.RunAsync("daily", "--date", Day, "--style", "brief", "--style", "keywords", "--style", "report");
        var pagesAfterFirst = _arxiv.Requests.Count;
        var llmAfterFirst = _llm.ChatRequests;
        var second = await _cli.RunAsync("daily", "--date", Day, "--style", "brief", "--style", "keywords", "--style", "report");

        // Then
        Assert.Equal(0, first.ExitCode);
        var prompts = PromptsOf(HtmlPaper);
        Assert.Equal(3, prompts.Count);
        Assert.All(prompts, p => Assert.Contains(DeepText, p));
        Assert.Equal(1, _arxiv.Requests.Count(r => r.PathAndQuery == "/html/" + HtmlPaper));
        Assert.Equal(1, _arxiv.Requests.Count(r => r.PathAndQuery == "/html/" + NoHtmlPaper));
        Assert.Equal(1, _arxiv.Requests.Count(r => r.PathAndQuery == "/pdf/" + NoHtmlPaper));
        Assert.Equal(0, PageRequests("2508.08468") - 1);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(_cli.OutPath($"daily/{Day}.json")))!;
        var sources = json["papers"]!.AsArray().ToDictionary(p => p!["id"]!.GetValue<string>(), p => p!["source"]!.GetValue<string>());
        Assert.Equal("HTML", sources[HtmlPaper]);
        Assert.Equal("HTML", sources["2508.08468"]);
        Assert.Equal("Abs", sources[NoHtmlPaper]);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(pagesAfterFirst, _arxiv.Requests.Count);
        Assert.Equal(llmAfterFirst, _llm.ChatRequests);
    }

    [FixtureFact]
    public async Task Daily_ThreeStyles_PromptsOfAPaperShareThePaperAsPrefix()
    {
        // When
        var result = await _cli.RunAsync("daily", "--date", Day, "--style", "brief", "--style", "keywords", "--style", "report");

        // Then: the paper's text comes first and is the same for every style; the styles differ only after it.
        Assert.Equal(0, result.ExitCode);
        var prompts = PromptsOf(HtmlPaper);
        Assert.Equal(3, prompts.Count);
        var shared = CommonPrefix(prompts);
        Assert.Contains(DeepText, prompts[0][..shared]);
        Assert.Contains("=== End of the paper. The task: ===", prompts[0][..shared]);
        Assert.DoesNotContain("Reply with one JSON object", prompts[0][..shared]);
        // Characters of the second and third prompts that repeat the first one's prefix: most of the input.
        double repeated = 2.0 * shared, total = prompts.Sum(p => p.Length);
        Assert.True(repeated / total >= 0.5, $"only {repeated / total:P0} of the prompt characters repeat a cached prefix");
    }

    [FixtureFact]
    public async Task Daily_ReadAbstract_BriefIsWrittenFromTheAbstractWithoutPages()
    {
        // Given
        _cli.Env["PAPERDIGEST_DIGEST__READ"] = "abstract";

        // When
        var result = await _cli.RunAsync("daily", "--date", Day, "--style", "brief");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(_arxiv.Requests);
        Assert.All(PromptsOf(HtmlPaper), p => Assert.Contains("Paper text (abstract only)", p));
        var json = JsonNode.Parse(await File.ReadAllTextAsync(_cli.OutPath($"daily/{Day}.json")))!;
        Assert.All(json["papers"]!.AsArray(), p => Assert.Equal("Abs", p!["source"]!.GetValue<string>()));
    }

    [FixtureFact]
    public async Task Daily_BadReadSetting_NamesTheKey()
    {
        // Given
        _cli.Env["PAPERDIGEST_DIGEST__READ"] = "everything";

        // When
        var result = await _cli.RunAsync("daily", "--date", Day);

        // Then
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("digest.read must be full or abstract", result.Error);
        Assert.Empty(_arxiv.Requests);
    }

    [FixtureFact]
    public async Task Daily_TransientOutage_IsNotStoredAndTheNextRunRewritesFromTheFullText()
    {
        // Given: arXiv answers 503 to everything during the first run.
        _outage = (int)HttpStatusCode.ServiceUnavailable;

        // When
        var during = await _cli.RunAsync("daily", "--date", Day, "--style", "brief");
        var jsonDuring = JsonNode.Parse(await File.ReadAllTextAsync(_cli.OutPath($"daily/{Day}.json")))!;
        var promptsDuring = PromptsOf(HtmlPaper).Count;
        _outage = 0;
        var after = await _cli.RunAsync("daily", "--date", Day, "--style", "brief");
        var pagesAfter = _arxiv.Requests.Count;
        var llmAfter = _llm.ChatRequests;
        var third = await _cli.RunAsync("daily", "--date", Day, "--style", "brief");

        // Then: the fallback was used but not remembered; once arXiv is back the paper is read and written again.
        Assert.Equal(0, during.ExitCode);
        Assert.Equal("Abs", jsonDuring["papers"]![0]!["source"]!.GetValue<string>());
        Assert.Equal(1, promptsDuring);
        Assert.Equal(0, after.ExitCode);
        var prompts = PromptsOf(HtmlPaper);
        Assert.Equal(2, prompts.Count);
        Assert.Contains(DeepText, prompts[1]);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(_cli.OutPath($"daily/{Day}.json")))!;
        Assert.Equal("HTML", json["papers"]![0]!["source"]!.GetValue<string>());
        Assert.Equal("Abs", json["papers"]![2]!["source"]!.GetValue<string>());
        // The definitive outcomes are stored: a third run reads and asks nothing.
        Assert.Equal(0, third.ExitCode);
        Assert.Equal(pagesAfter, _arxiv.Requests.Count);
        Assert.Equal(llmAfter, _llm.ChatRequests);
    }

    [FixtureFact]
    public async Task Daily_PageRequests_AtMostFourStartInAnySecond()
    {
        // Given: six papers without HTML or PDF (12 page requests), at arXiv's rate.
        _cli.Env["PAPERDIGEST_READING__REQUESTS_PER_SECOND"] = "4";
        _cli.Env["PAPERDIGEST_READING__CONNECTIONS"] = "1";
        _hf.SetDay(Day, HfDay([.. Enumerable.Range(0, 6).Select(i => ($"2601.1{i:D4}", $"Paper {i}", 10 - i))]));

        // When
        var result = await _cli.RunAsync("daily", "--date", Day, "--style", "brief");

        // Then
        Assert.Equal(0, result.ExitCode);
        // Times are as the fake saw them, i.e. a request's start plus how late it got there. One request held up on a
        // loaded machine (it arrives late, the next ones on time) makes one window look short; a limiter that let
        // five start within a second makes every later window short.
        var starts = _arxiv.Requests.Select(r => r.At).Order().ToList();
        Assert.Equal(12, starts.Count);
        Assert.True(starts[^1] - starts[0] >= TimeSpan.FromSeconds(1.8), "12 requests at 4/s span at least two seconds");
        var tooClose = Enumerable.Range(4, starts.Count - 4).Where(i => starts[i] - starts[i - 4] < TimeSpan.FromSeconds(0.9)).ToList();
        Assert.True(tooClose.Count <= 1, $"windows with five starts in under a second end at requests {string.Join(", ", tooClose)}");
    }

    private static int CommonPrefix(IReadOnlyList<string> texts)
    {
        var n = texts.Min(t => t.Length);
        for (var i = 0; i < n; i++)
            if (texts.Any(t => t[i] != texts[0][i])) return i;
        return n;
    }

    private static string HfDay(params (string Id, string Title, int Upvotes)[] papers) =>
        new JsonArray(papers.Select(p => (JsonNode)new JsonObject
        {
            ["paper"] = new JsonObject
            {
                ["id"] = p.Id,
                ["title"] = p.Title,
                ["summary"] = "We study " + p.Title + ". Our method improves accuracy.",
                ["upvotes"] = p.Upvotes,
                ["authors"] = new JsonArray(new JsonObject { ["name"] = "A. Author" }),
                ["publishedAt"] = "2026-02-03T10:00:00.000Z",
            },
        }).ToArray()).ToJsonString();
}
