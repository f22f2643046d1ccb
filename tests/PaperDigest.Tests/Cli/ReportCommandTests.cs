using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

/// <summary>The `report` style end to end: fake Hugging Face, arXiv (pages and API) and LLM servers on 127.0.0.1.</summary>
public sealed class ReportCommandTests : IAsyncLifetime
{
    private const string Day = "2026-02-04";
    private FakeHuggingFaceServer _hf = null!;
    private FakeLlmServer _llm = null!;
    private FakeHttpServer _arxiv = null!;
    private readonly CliRunner _cli = new();

    public async Task InitializeAsync()
    {
        _hf = await FakeHuggingFaceServer.StartAsync();
        _llm = await FakeLlmServer.StartAsync();
        _arxiv = await FakeHttpServer.StartAsync(ServeArxivAsync);
        _cli.UseFakes(_hf, _llm);
        _cli.Env["ARXIV_BASE_URL"] = _arxiv.BaseAddress.ToString();
        _cli.Env["ARXIV_API_URL"] = new Uri(_arxiv.BaseAddress, "api/query").ToString();
        _cli.Env["PAPERDIGEST_ARXIV__MIN_INTERVAL_SECONDS"] = "0.001";
        _cli.Env["PAPERDIGEST_LLM__CONCURRENCY"] = "1";
        _hf.SetDay(Day, HfDay(("2501.11120", "Tell me about yourself: LLMs are aware of their learned behaviors", 30),
                                ("2508.08468", "Audio-Visual Speech Enhancement: Architectural Design and Deployment Strategies", 20),
                                ("2601.17668", "A paper without HTML", 10)));
    }

    /// <summary>arXiv: the real LaTeXML pages for two papers, the real "No HTML" page (404) for the third, no PDFs, and the API.</summary>
    private static async Task ServeArxivAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value!;
        string? file = path switch
        {
            _ when path.StartsWith("/html/2501.11120", StringComparison.Ordinal) => "arxiv_html/arxiv_html_2501.11120v1.html",
            _ when path.StartsWith("/html/2508.08468", StringComparison.Ordinal) => "arxiv_html/arxiv_html_2508.08468v6.html",
            _ when path.StartsWith("/api/query", StringComparison.Ordinal) => "arxiv_api/arxiv_api_2026-04-12_idlist_1707.08567.xml",
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
        ctx.Response.ContentType = file.EndsWith(".xml", StringComparison.Ordinal) ? "application/atom+xml" : "text/html; charset=utf-8";
        await ctx.Response.WriteAsync(Fixtures.Read(file));
    }

    public async Task DisposeAsync()
    {
        await _hf.DisposeAsync();
        await _llm.DisposeAsync();
        await _arxiv.DisposeAsync();
        _cli.Dispose();
    }

    [FixtureFact]
    public async Task Daily_ReportStyle_ReadsFullTextSaysFromWhatAndRerunDownloadsNothing()
    {
        // When
        var first = await _cli.RunAsync("daily", "--date", Day, "--style", "report");
        var pageRequests = _arxiv.Requests.Count;
        var llmRequests = _llm.ChatRequests;
        var second = await _cli.RunAsync("daily", "--date", Day, "--style", "report");

        // Then
        Assert.Equal(0, first.ExitCode);
        var report = await File.ReadAllTextAsync(_cli.OutPath($"daily/{Day}.report.md"));
        Assert.StartsWith($"# Hugging Face Daily Papers Report\n**Date**: {Day}\n**Source URL**: https://huggingface.co/papers/date/{Day}\n\n{new string('=', 60)}\n\n## 📄 Tell me about yourself", report);
        Assert.Contains("- **链接**: https://huggingface.co/papers/2501.11120\n- **阅读来源**: HTML\n", report);
        Assert.Contains("- **链接**: https://huggingface.co/papers/2601.17668\n- **阅读来源**: Abs\n", report);
        foreach (var heading in new[] { "1. **应用领域**", "2. **一句话核心贡献**", "3. **使用指南**", "*   **输入**：", "*   **运行流程**：", "4. **主要创新点**", "5. **实验效果**" })
            Assert.Contains(heading, report);
        Assert.EndsWith(new string('=', 60) + "\n", report);
        // The model was given the paper's text, not just its abstract: a section heading of the real page.
        Assert.Contains(_llm.Http.Requests, r => r.Body.Contains("full text from HTML", StringComparison.Ordinal) && r.Body.Contains("Introduction", StringComparison.Ordinal));
        var json = JsonNode.Parse(await File.ReadAllTextAsync(_cli.OutPath($"daily/{Day}.json")))!;
        Assert.Equal("HTML", json["papers"]![1]!["source"]!.GetValue<string>());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(pageRequests, _arxiv.Requests.Count);
        Assert.Equal(llmRequests, _llm.ChatRequests);
    }

    [FixtureFact]
    public async Task Daily_ReportWithInventedNumber_RetriedThenListedAndMarked()
    {
        // Given: the model states 97.3% twice (first answer and the retry that names it)
        _llm.Enqueue(LlmFault.InventedNumber, LlmFault.InventedNumber);

        // When
        var result = await _cli.RunAsync("daily", "--date", Day, "--limit", "1");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 unsupported numbers", result.Out);
        Assert.Contains("do not occur in the paper text: 97.3%", _llm.Http.Requests[1].Body);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(_cli.OutPath($"daily/{Day}.json")))!;
        Assert.Equal(["97.3%"], json["papers"]![0]!["unsupported_numbers"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("97.3%⚠", await File.ReadAllTextAsync(_cli.OutPath($"daily/{Day}.brief.md")));
    }

    [FixtureFact]
    public async Task Paper_AnyArxivId_FetchedFromArxivAndPrintedAsReport()
    {
        // When: a paper that is not in any HF listing
        var result = await _cli.RunAsync("paper", "1707.08567");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("## 📄 ", result.Out);
        Assert.Contains("- **阅读来源**: Abs", result.Out);
        Assert.Contains("5. **实验效果**", result.Out);
        Assert.Contains(_arxiv.Requests, r => r.PathAndQuery.Contains("id_list=1707.08567", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paper_NotAnId_Exit2()
    {
        var result = await _cli.RunAsync("paper", "hello");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("arxiv-id", result.Error);
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
