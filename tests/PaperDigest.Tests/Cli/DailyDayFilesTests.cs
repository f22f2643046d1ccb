using System.Text.Json.Nodes;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

/// <summary>A day's outputs never undo each other, and a complete style is published when another failed (issue 10).</summary>
public sealed class DailyDayFilesTests : DailyFakesTest
{
    private const string Day = "2026-02-03";
    private const string DayFixture = "hf_daily_papers/daily_papers_2026-02-03.json";
    protected override Task StartedAsync()
    {
        HfServer.SetDayFromFixture(Day, DayFixture);
        return Task.CompletedTask;
    }

    private async Task<JsonNode> JsonAsync(string name) => JsonNode.Parse(await File.ReadAllTextAsync(Cli.OutPath("daily/" + name)))!;

    [FixtureFact]
    public async Task Daily_ReportAfterBriefAndKeywords_DayJsonHoldsEveryStoredStyle()
    {
        // When
        var first = await Cli.RunAsync("daily", "--date", Day, "--style", "brief", "--style", "keywords", "--limit", "3");
        var second = await Cli.RunAsync("daily", "--date", Day, "--style", "report", "--limit", "3");

        // Then
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var json = await JsonAsync($"{Day}.json");
        Assert.Equal(["brief", "keywords", "report"], json["styles"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.All(json["papers"]!.AsArray(), p =>
        {
            Assert.NotNull(p!["summaries"]!["brief"]!["main_results"]);
            Assert.NotNull(p["summaries"]!["keywords"]!["keywords"]);
            Assert.NotNull(p["summaries"]!["report"]!["results"]);
        });
        Assert.True(File.Exists(Cli.OutPath($"daily/{Day}.brief.md")));
        Assert.True(File.Exists(Cli.OutPath($"daily/{Day}.report.md")));
    }

    [FixtureFact]
    public async Task Daily_OtherLanguage_WritesItsOwnFilesAndLeavesTheDefaultOnes()
    {
        // When
        var zh = await Cli.RunAsync("daily", "--date", Day, "--limit", "2");
        var zhBrief = await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.brief.md"));
        var zhJson = await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.json"));
        var en = await Cli.RunAsync("daily", "--date", Day, "--limit", "2", "--lang", "en");

        // Then
        Assert.Equal(0, zh.ExitCode);
        Assert.Equal(0, en.ExitCode);
        Assert.Equal(zhBrief, await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.brief.md")));
        Assert.Equal(zhJson, await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.json")));
        Assert.Contains("summary:i) Summary: For ", await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.brief.en.md")));
        Assert.Equal("en", (await JsonAsync($"{Day}.en.json"))["lang"]!.GetValue<string>());
        Assert.Contains($"daily/{Day}.brief.en.md", en.Out);
    }

    [FixtureFact]
    public async Task Daily_EveryKeywordsFailedEveryBriefOk_PublishesBriefMarksKeywordsExitsThree()
    {
        // Given: the briefs are stored; then the LLM fails every request.
        var briefs = await Cli.RunAsync("daily", "--date", Day, "--style", "brief", "--limit", "3");
        LlmServer.Always = LlmFault.ServerError;

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--style", "brief", "--style", "keywords", "--limit", "3");

        // Then
        Assert.Equal(0, briefs.ExitCode);
        Assert.Equal(3, result.ExitCode);
        Assert.True(File.Exists(Cli.OutPath($"daily/{Day}.brief.md")));
        Assert.False(File.Exists(Cli.OutPath($"daily/{Day}.keywords.md")));
        Assert.Contains("not published: keywords", result.Error);
        var json = await JsonAsync($"{Day}.json");
        Assert.All(json["papers"]!.AsArray(), p =>
        {
            Assert.Equal("failed", p!["status"]!.GetValue<string>());
            Assert.NotNull(p["summaries"]!["brief"]!["summary"]);
            Assert.NotNull(p["summaries"]!["keywords"]!["error"]);
        });
    }

    [FixtureFact]
    public async Task Daily_EveryStyleFailed_PublishesNothingExitsOne()
    {
        // Given
        LlmServer.Always = LlmFault.ServerError;

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--style", "brief", "--style", "keywords", "--limit", "2");

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(Cli.OutPath($"daily/{Day}.brief.md")));
        Assert.False(File.Exists(Cli.OutPath($"daily/{Day}.json")));
        Assert.DoesNotContain("not published: ", result.Error);
    }
}
