using System.Text.Json.Nodes;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Listings;

/// <summary>`daily --source` end to end: the real CLI and store, a fake arXiv RSS server and the fake LLM on 127.0.0.1.</summary>
public sealed class DailySourceCommandTests : SourceFakesTest
{
    private const string Feed = "arxiv_rss/arxiv_rss_2026-09-24_cs.LG+cs.AI+cs.CL+stat.ML_trimmed4items.xml";

    protected override async Task StartedAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(Cli.Dir, "lib.bib"), """
            @string{ml = "Machine Learning"}
            @article{a, title = {Local Learning without Global Backpropagation}, author = {Hinton, Geoffrey},
              abstract = {Layer-wise local learning with auxiliary losses trains deep networks without a global backward pass; spectral update geometry.}}
            @article{b, title = {Muon: Orthogonalized Momentum for Spectral Updates}, journal = ml}
            """);
        await File.WriteAllTextAsync(Path.Combine(Cli.Dir, "paperdigest.yml"), """
            sources:
              - name: ml
                arxiv_categories: [cs.LG, cs.AI, cs.CL, stat.ML]
                announce: [new, cross]
                top: 2
            profile:
              library: lib.bib
              keywords: [local learning]
            """);
    }

    [FixtureFact]
    public async Task DailySource_RecordedListing_WritesTopNMostRelevantFirstAndRerunIsFree()
    {
        // Given the recorded listing of 24 Sep 2026 (2 new, 1 cross, 1 replace) and a library about local learning
        Rss.SetFeed(Fixtures.Read(Feed));

        // When the source's digest is made twice
        var first = await Cli.RunAsync("daily", "--source", "ml", "--style", "brief", "--style", "keywords");
        var requests = Llm.ChatRequests;
        var second = await Cli.RunAsync("daily", "--source", "ml", "--style", "brief", "--style", "keywords");

        // Then one combined RSS request; the top 2 of 3 new/cross papers, most relevant first, under daily/ml/<listing date>
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal("/rss/cs.LG+cs.AI+cs.CL+stat.ML", Rss.Http.Requests[0].PathAndQuery);
        Assert.Equal(4, requests); // top 2 × 2 styles
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Cli.OutPath("daily/ml/2026-09-24.json")))!;
        var papers = json["papers"]!.AsArray();
        Assert.Equal(2, papers.Count);
        Assert.Equal("2609.26811v1", papers[0]!["id"]!.GetValue<string>());
        var score0 = papers[0]!["relevance"]!["score"]!.GetValue<double>();
        Assert.True(score0 > papers[1]!["relevance"]!["score"]!.GetValue<double>());
        Assert.Contains(papers[0]!["relevance"]!["why"]!.AsArray(), w => w!.GetValue<string>() == "keyword: local learning");
        Assert.StartsWith("\n\n# Papers for 2026-09-24\n\n## [The Drift Contract", await File.ReadAllTextAsync(Cli.OutPath("daily/ml/2026-09-24.brief.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(Cli.OutPath("daily/ml/2026-09-24.keywords.md")));
        Assert.False(File.Exists(Cli.OutPath("daily/2026-09-24.json")));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(requests, Llm.ChatRequests);
        Assert.Contains("LLM 0 requests", second.Out, StringComparison.Ordinal);
        Assert.EndsWith("/rss/cs.LG+cs.AI+cs.CL+stat.ML", json["source_url"]!.GetValue<string>(), StringComparison.Ordinal);

        // And the source's report names its listing, not Hugging Face, and links the papers on arXiv
        var report = await Cli.RunAsync("daily", "--source", "ml", "--style", "report");
        Assert.True(report.ExitCode == 0, report.Error);
        var text = await File.ReadAllTextAsync(Cli.OutPath("daily/ml/2026-09-24.report.md"));
        Assert.StartsWith("# arXiv cs.LG+cs.AI+cs.CL+stat.ML (ml) Report\n", text, StringComparison.Ordinal);
        Assert.Contains("/rss/cs.LG+cs.AI+cs.CL+stat.ML\n", text, StringComparison.Ordinal);
        Assert.Contains("https://arxiv.org/abs/2609.26811", text, StringComparison.Ordinal);
        Assert.DoesNotContain("huggingface.co", text, StringComparison.Ordinal);
    }

    [FixtureFact]
    public async Task DailySource_NextDayRepeatsPapers_LeavesOutThoseAlreadyPublished()
    {
        // Given a digest of 24 Sep, then a listing of 25 Sep that repeats its papers and adds one
        Rss.SetFeed(Fixtures.Read(Feed));
        Assert.Equal(0, (await Cli.RunAsync("daily", "--source", "ml")).ExitCode);
        Rss.SetFeed(FakeArxivRssServer.Listing(new DateOnly(2026, 9, 25),
        [
            ("2609.26811", "The Drift Contract: Spectral Updates for Depth-Robust Local Learning", "Local learning again.", "A. B", "cs.LG", "new"),
            ("2609.30001", "Local Learning Rules for Spiking Networks", "Local learning in spiking networks.", "C. D", "cs.LG", "new"),
        ]));

        // When the next day's digest is made
        var next = await Cli.RunAsync("daily", "--source", "ml");

        // Then only the new paper is in it
        Assert.True(next.ExitCode == 0, next.Error);
        var papers = JsonNode.Parse(await File.ReadAllTextAsync(Cli.OutPath("daily/ml/2026-09-25.json")))!["papers"]!.AsArray();
        Assert.Equal(["2609.30001v1"], papers.Select(p => p!["id"]!.GetValue<string>()));
        Assert.Contains("1 in earlier digests", next.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailySource_ThenTheReader_ApiAnswersTheFileAndSiteWritesTheDay()
    {
        // Given a source's digest of 25 Sep made by `daily --source`
        Rss.SetFeed(FakeArxivRssServer.Listing(new DateOnly(2026, 9, 25),
        [
            ("2609.30001", "Local Learning Rules for Spiking Networks", "Local learning in spiking networks.", "C. D", "cs.LG", "new"),
            ("2609.30002", "A Survey of <b>Tokenizers</b>", "Tokenizers, surveyed.", "E. F", "cs.CL", "new"),
        ]));
        var daily = await Cli.RunAsync("daily", "--source", "ml", "--style", "brief", "--style", "keywords");
        Assert.True(daily.ExitCode == 0, daily.Error);

        // When the reader is started on that store with that configuration, and the static site is written
        var options = new PaperDigest.Configuration.AppOptions();
        options.Store.Path = Cli.DbPath;
        options.Arxiv.RssUrl = Rss.BaseUrl.ToString();
        options.Sources.Add(new PaperDigest.Listings.SourceOptions { Name = "ml", ArxivCategories = ["cs.LG", "cs.AI", "cs.CL", "stat.ML"] });
        var (app, address) = await ReaderServerFixture.StartAsync(options);
        string api;
        await using (app)
        {
            using var client = new HttpClient { BaseAddress = address };
            api = await client.GetStringAsync("/api/daily/ml/2026-09-25");
            await app.StopAsync();
        }
        var site = await Cli.RunAsync("site");

        // Then the API's day is the published file, relevance and all, and the site has the day's page
        Assert.Equal(await File.ReadAllTextAsync(Cli.OutPath("daily/ml/2026-09-25.json")), api);
        Assert.Contains("\"relevance\": {", api, StringComparison.Ordinal);
        Assert.True(site.ExitCode == 0, site.Error);
        var page = await File.ReadAllTextAsync(Cli.OutPath("site/daily/ml/2026-09-25/index.html"));
        Assert.Contains("Local Learning Rules for Spiking Networks", page, StringComparison.Ordinal);
        Assert.Contains("keyword: local learning", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailySource_EmptyListing_SaysSoAndWritesNothing()
    {
        // Given a weekend listing with no items
        Rss.SetFeed(FakeArxivRssServer.Empty(new DateOnly(2026, 9, 26)));

        // When the digest is made
        var result = await Cli.RunAsync("daily", "--source", "ml");

        // Then it says the day is empty, asks the LLM nothing and writes no file
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2026-09-26: arXiv announces no new/cross papers", result.Error, StringComparison.Ordinal);
        Assert.Contains("weekends and holidays are empty", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, Llm.ChatRequests);
        Assert.False(Directory.Exists(Cli.OutPath("daily/ml")));
    }

    [Fact]
    public async Task DailySource_UnknownName_IsUsageErrorNamingTheConfigured()
    {
        var result = await Cli.RunAsync("daily", "--source", "nope");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown source 'nope' (configured: ml)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailySource_BadAnnounceType_IsConfigurationErrorNamingTheKey()
    {
        await File.WriteAllTextAsync(Path.Combine(Cli.Dir, "paperdigest.yml"), "sources:\n  - name: ml\n    arxiv_categories: [cs.LG]\n    announce: [fresh]\n");
        var result = await Cli.RunAsync("daily", "--source", "ml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown announce type 'fresh'", result.Error, StringComparison.Ordinal);
    }
}
