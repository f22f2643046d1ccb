using System.Text.Json.Nodes;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Listings;

/// <summary>digest.order: relevance reorders the Hugging Face digest by the profile and gives each paper its relevance.</summary>
public sealed class DigestOrderTests : DailyFakesTest
{
    private const string Day = "2026-02-03";

    [FixtureFact]
    public async Task Daily_OrderRelevance_PutsTheProfileMatchFirst()
    {
        // Given the recorded HF day and a profile whose keyword names the title of a paper that is not the most upvoted
        HfServer.SetDayFromFixture(Day, "hf_daily_papers/daily_papers_2026-02-03.json");
        var upvotes = await Cli.RunAsync("daily", "--date", Day, "--limit", "6", "--out", "up");
        var byUpvotes = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Cli.Dir, "up", "daily", $"{Day}.json")))!["papers"]!.AsArray();
        var last = byUpvotes[^1]!["title"]!.GetValue<string>();
        await File.WriteAllTextAsync(Path.Combine(Cli.Dir, "paperdigest.yml"), $"digest:\n  order: relevance\nprofile:\n  keywords: [\"{last.Replace("\"", "", StringComparison.Ordinal)}\"]\n");

        // When the day is made in relevance order
        var result = await Cli.RunAsync("daily", "--date", Day);

        // Then that paper leads, with its relevance, and the upvotes run had none
        Assert.Equal(0, upvotes.ExitCode);
        Assert.True(result.ExitCode == 0, result.Error);
        var papers = JsonNode.Parse(await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.json")))!["papers"]!.AsArray();
        Assert.Equal(last, papers[0]!["title"]!.GetValue<string>());
        Assert.True(papers[0]!["relevance"]!["score"]!.GetValue<double>() > 0);
        Assert.Null(byUpvotes[0]!["relevance"]);
    }
}
