using System.Text.Json.Nodes;
using PaperDigest.Configuration;
using PaperDigest.Listings;
using PaperDigest.Papers;

namespace PaperDigest.Tests.TestSupport;

/// <summary>
/// The reader over <see cref="ReaderSeed"/> plus two days of a configured source "robotics" (`daily --source robotics`),
/// written through the real ListingStore: papers most relevant first, one "why" holding markup.
/// </summary>
public sealed class SourceDigestServerFixture : ReaderServerFixture
{
    public const string Source = "robotics";
    public const string TopId = "2602.03002";
    public const string TopTitle = "Dexterous Grasping from Touch";
    public const string SecondId = "2602.03001";
    public const string SecondTitle = "Legged Locomotion with Learned Gaits";
    public const string EarlierId = "2602.02001";
    public const string HostileWhy = "like: <script>window.__xss=1</script>Evil <b>Bold</b>";
    public const string TopSummary = "本文用触觉信号学习灵巧抓取。";

    private protected override void Configure(AppOptions options) =>
        options.Sources.Add(new SourceOptions { Name = Source, ArxivCategories = ["cs.RO"] });

    private protected override async Task SeedAsync(TempStore store)
    {
        await ReaderSeed.SeedAsync(store);
        var robot = new[] { "cs.RO" };
        await store.Papers.UpsertAsync([
            TempStore.Paper(TopId, TopTitle, "We learn dexterous grasping from tactile signals.", ReaderSeed.Day) with { Categories = robot },
            TempStore.Paper(SecondId, SecondTitle, "Quadrupeds learn gaits in simulation.", ReaderSeed.Day) with { Categories = robot },
            TempStore.Paper(EarlierId, "Mapping Warehouses with Drones", "Drones map warehouses.", ReaderSeed.EarlierDay) with { Categories = robot },
        ], CancellationToken.None);
        await store.SummaryAsync(TopId, "brief", new JsonObject
        {
            ["summary"] = TopSummary,
            ["research_question"] = "如何从触觉学习抓取？",
            ["key_methods"] = "触觉编码器。",
            ["main_results"] = "成功率提升。",
            ["implications"] = "机器人更灵巧。",
        });
        var listings = new ListingStore(store.Sqlite);
        await listings.SaveAsync(Source, ReaderSeed.Day, [
            (TopId, new PaperRelevance(0.8123, ["like: Learning Dexterous Manipulation", "term: grasp"])),
            (SecondId, new PaperRelevance(0.42, [HostileWhy])),
        ], CancellationToken.None);
        await listings.SaveAsync(Source, ReaderSeed.EarlierDay, [(EarlierId, new PaperRelevance(0.3, ["term: mapping"]))], CancellationToken.None);
    }
}
