using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Bench;

/// <summary>
/// Issue 10 "Daily digests written from the full text": 50 papers × 2 styles read from their HTML (the real LaTeXML
/// fixtures, alternately), fake arXiv pages at the 4-per-second limit (reading.requests_per_second 4, one connection),
/// the fake LLM at 1 s latency, concurrency 8. Wall time against max(pages ÷ 4 s, ceil(100 ÷ 8) × 1 s) + 1 s (target ≤ 1.25);
/// the same day again (target: 0 downloads, 0 LLM requests); and, for a 3-style run, the share of prompt characters
/// that repeat an earlier prompt's prefix (target ≥ 50%).
/// </summary>
internal sealed class FullTextDailyBenchmark : IBenchmark
{
    private const string Day = "2026-02-03";

    public string Name => "daily-fulltext";

    public string Description => "50 papers x 2 styles from the full text, pages at 4/s, LLM 1 s, concurrency 8: ratio to max(pages/4, ceil(100/8)) + 1 s; rerun; prefix share of 3 styles";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        const int papers = 50, concurrency = 8, perSecond = 4;
        var latency = TimeSpan.FromSeconds(1);
        if (!Fixtures.Available)
        {
            Console.Error.WriteLine("../shared/fixtures is not beside this checkout; set PAPERDIGEST_SHARED.");
            return 2;
        }
        await using var hf = await FakeHuggingFaceServer.StartAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        await using var arxiv = await FakeHttpServer.StartAsync(ServePageAsync);
        llm.Latency = latency;
        hf.SetDay(Day, Papers(papers));
        using var cli = new CliRunner();
        cli.UseFakes(hf, llm);
        cli.Env["ARXIV_BASE_URL"] = arxiv.BaseAddress.ToString();
        cli.Env["PAPERDIGEST_READING__REQUESTS_PER_SECOND"] = perSecond.ToString(CultureInfo.InvariantCulture);
        cli.Env["PAPERDIGEST_READING__CONNECTIONS"] = "1";
        cli.Env["PAPERDIGEST_LLM__CONCURRENCY"] = concurrency.ToString(CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        var first = await cli.RunAsync("daily", "--date", Day, "--style", "brief", "--style", "keywords");
        var firstTime = clock.Elapsed;
        var pages = arxiv.Requests.Count;
        var requests = llm.ChatRequests;
        var ideal = Math.Max(pages / (double)perSecond, Math.Ceiling(papers * 2 / (double)concurrency) * latency.TotalSeconds) + 1;
        var ratio = firstTime.TotalSeconds / ideal;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first run : exit {first.ExitCode}, {pages} page requests, {requests} LLM requests, {firstTime.TotalSeconds:F2} s; bound max({pages}/4, ceil(100/8)) + 1 = {ideal:F2} s; ratio {ratio:F3} (target <= 1.25) {(ratio <= 1.25 ? "OK" : "OVER")}"));

        clock.Restart();
        var second = await cli.RunAsync("daily", "--date", Day, "--style", "brief", "--style", "keywords");
        var rerunPages = arxiv.Requests.Count - pages;
        var rerunRequests = llm.ChatRequests - requests;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rerun     : exit {second.ExitCode}, {rerunPages} downloads (target 0), {rerunRequests} LLM requests (target 0), {clock.Elapsed.TotalSeconds:F2} s"));

        // Three styles of the same papers (stored texts, so no downloads): how much of each prompt repeats an earlier prefix.
        llm.Latency = TimeSpan.Zero;
        var before = llm.Http.Requests.Count;
        var third = await cli.RunAsync("daily", "--date", Day, "--style", "brief", "--style", "keywords", "--style", "report", "--lang", "en");
        var prompts = llm.Http.Requests.Skip(before)
            .Where(r => r.PathAndQuery.EndsWith("/chat/completions", StringComparison.Ordinal))
            .Select(r => string.Join("\n\n", JsonNode.Parse(r.Body)!["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>())))
            .ToList();
        var share = RepeatedPrefixShare(prompts);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"3 styles  : exit {third.ExitCode}, {prompts.Count} prompts, {share:P1} of prompt characters repeat an earlier prompt's prefix (target >= 50%) {(share >= 0.5 ? "OK" : "UNDER")}"));
        Console.WriteLine("cached tokens: not measured (the fake LLM reports none; no provider is reachable offline)");
        var ok = first.ExitCode == 0 && second.ExitCode == 0 && third.ExitCode == 0 && ratio <= 1.25 && rerunPages == 0 && rerunRequests == 0 && share >= 0.5;
        return ok ? 0 : 1;
    }

    /// <summary>The real LaTeXML pages, alternately (a 145 KB and a 700 KB one) for every /html/ path.</summary>
    private static Task ServePageAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value!;
        if (!path.StartsWith("/html/", StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = 404;
            return Task.CompletedTask;
        }
        var file = path.Last() % 2 == 0 ? "arxiv_html/arxiv_html_2508.08468v6.html" : "arxiv_html/arxiv_html_2501.11120v1.html";
        ctx.Response.ContentType = "text/html; charset=utf-8";
        return ctx.Response.WriteAsync(Fixtures.Read(file));
    }

    /// <summary>Of all prompt characters, the share that are the longest prefix each prompt shares with an earlier one.</summary>
    internal static double RepeatedPrefixShare(IReadOnlyList<string> prompts)
    {
        long repeated = 0, total = 0;
        for (var i = 0; i < prompts.Count; i++)
        {
            total += prompts[i].Length;
            var best = 0;
            for (var j = 0; j < i; j++)
            {
                var n = Math.Min(prompts[i].Length, prompts[j].Length);
                var k = 0;
                while (k < n && prompts[i][k] == prompts[j][k]) k++;
                best = Math.Max(best, k);
            }
            repeated += best;
        }
        return total == 0 ? 0 : repeated / (double)total;
    }

    private static string Papers(int count) =>
        new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["paper"] = new JsonObject
            {
                ["id"] = $"2602.{10000 + i:D5}",
                ["title"] = $"Paper {i}: a study of full-text digests",
                ["summary"] = $"We study problem {i}. Our method improves accuracy.",
                ["upvotes"] = 100 - i,
                ["authors"] = new JsonArray(new JsonObject { ["name"] = "A. Author" }),
                ["publishedAt"] = "2026-02-03T10:00:00.000Z",
            },
        }).ToArray()).ToJsonString();
}
