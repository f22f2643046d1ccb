using System.Text.Json.Nodes;
using PaperDigest.Tests.TestSupport;
using PaperDigest.Web;

namespace PaperDigest.Tests.Web;

/// <summary>The reader's batch read of papers (paper pages, source digests): everything a page shows, in a fixed number of queries.</summary>
public sealed class ReaderStoreTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private readonly TempStore _store = new();

    private ReaderStore Reader => new(_store.Sqlite, _store.Papers, _store.Summaries);

    [Fact]
    public async Task PapersAsync_ThirtyPapers_ReadsTheStoreAsOftenAsForOne()
    {
        // Given 30 papers listed on a day, each summarized and in a topic
        var ids = await SeedAsync(30);

        // When one paper is read, then all 30
        var before = _store.Sqlite.Connects;
        var one = await Reader.PapersAsync([ids[0]], CancellationToken.None);
        var readsForOne = _store.Sqlite.Connects - before;
        before = _store.Sqlite.Connects;
        var all = await Reader.PapersAsync(ids, CancellationToken.None);
        var readsForAll = _store.Sqlite.Connects - before;

        // Then every paper comes with its summary, day and topic, from as many reads for 30 as for one
        Assert.Single(one);
        Assert.Equal(30, all.Count);
        Assert.All(all, p => Assert.Single(p.Summaries));
        Assert.All(all, p => Assert.Equal([Day], p.Listed));
        Assert.All(all, p => Assert.Equal(["Agents"], p.Topics));
        Assert.Equal(readsForOne, readsForAll);
        Assert.InRange(readsForAll, 1, 3);
    }

    [Fact]
    public async Task PapersAsync_UnknownIdsAndAnOrder_KeepsTheOrderAndLeavesTheUnknownOut()
    {
        // Given three papers
        var ids = await SeedAsync(3);

        // When they are asked for in reverse order, with an unknown id between them
        var papers = await Reader.PapersAsync([ids[2], "2699.99999", ids[0], ids[1]], CancellationToken.None);

        // Then they come in that order, without the unknown one
        Assert.Equal([ids[2], ids[0], ids[1]], papers.Select(p => p.Paper.Id.Id));
    }

    [Fact]
    public async Task PaperAsync_ListedOnTwoDaysInTwoTopics_DaysNewestFirstTopicsByName()
    {
        // Given a paper listed on two days and in two topics
        var ids = await SeedAsync(1);
        await _store.Papers.SaveListingAsync(Day.AddDays(-5), [TempStore.Paper(ids[0], "Paper 0", "An abstract.")], CancellationToken.None);
        await _store.TopicAsync(ids[0], "Accessibility");

        // When it is read
        var paper = await Reader.PaperAsync(ids[0], CancellationToken.None);

        // Then its days are newest first and its topics by name
        Assert.NotNull(paper);
        Assert.Equal([Day, Day.AddDays(-5)], paper.Listed);
        Assert.Equal(["Accessibility", "Agents"], paper.Topics);
        Assert.Null(await Reader.PaperAsync("2699.99999", CancellationToken.None));
    }

    private async Task<List<string>> SeedAsync(int count)
    {
        var papers = Enumerable.Range(0, count).Select(i => TempStore.Paper($"2603.{i:D5}", $"Paper {i}", "An abstract.", Day)).ToList();
        await _store.Papers.SaveListingAsync(Day, papers, CancellationToken.None);
        foreach (var p in papers)
        {
            await _store.SummaryAsync(p.Id.Id, "brief", new JsonObject { ["summary"] = "S", ["research_question"] = "Q", ["key_methods"] = "M", ["main_results"] = "R", ["implications"] = "I" });
            await _store.TopicAsync(p.Id.Id, "Agents");
        }
        return papers.Select(p => p.Id.Id).ToList();
    }

    public void Dispose() => _store.Dispose();
}
