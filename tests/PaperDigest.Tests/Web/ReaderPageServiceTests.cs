using System.Text.Json.Nodes;
using PaperDigest.Tests.TestSupport;
using PaperDigest.Web;

namespace PaperDigest.Tests.Web;

/// <summary>The reader's pages read the store a fixed number of times, however many papers they show (no query per paper).</summary>
public sealed class ReaderPageServiceTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private const string Topic = "Reasoning";
    private readonly TempStore _store = new();

    private ReaderPageService Pages => new(new ReaderStore(_store.Sqlite, _store.Papers, _store.Summaries), new ReaderTranslations(_store.Sqlite));

    [Fact]
    public async Task DayAsync_ThirtyPapers_ReadsTheStoreAsOftenAsForThree()
    {
        // Given a day of 3 papers and a day of 30, every paper summarized
        await SeedDayAsync(Day.AddDays(-1), 3, "2603.1");
        await SeedDayAsync(Day, 30, "2603.2");

        // When both day pages are built
        var (small, smallPage) = await CountAsync(() => Pages.DayAsync("2026-03-01", WebLinks.Server, CancellationToken.None));
        var (large, largePage) = await CountAsync(() => Pages.DayAsync("2026-03-02", WebLinks.Server, CancellationToken.None));

        // Then both show all their papers, and the store was read as often for 30 papers as for 3 (a few times)
        Assert.Equal(200, largePage.Status);
        Assert.Contains("Paper 2603.20029", largePage.Body, StringComparison.Ordinal);
        Assert.Contains("Paper 2603.10002", smallPage.Body, StringComparison.Ordinal);
        Assert.Equal(small, large);
        Assert.InRange(large, 1, 4);
    }

    [Fact]
    public async Task TopicAsync_ThirtyPapers_ReadsTheStoreAsOftenAsForThree()
    {
        // Given a topic of 3 papers and one of 30, every paper summarized
        await SeedDayAsync(Day.AddDays(-1), 3, "2603.1", "Small topic");
        await SeedDayAsync(Day, 30, "2603.2", Topic);

        // When both topic pages are built
        var (small, smallPage) = await CountAsync(() => Pages.TopicAsync("Small topic", WebLinks.Server, CancellationToken.None));
        var (large, largePage) = await CountAsync(() => Pages.TopicAsync(Topic, WebLinks.Server, CancellationToken.None));

        // Then both show all their papers, summaries included, with as many reads for 30 as for 3
        Assert.Equal(200, largePage.Status);
        Assert.Equal(30, CountOf(largePage.Body, "<article"));
        Assert.Contains("Summary of 2603.20029", largePage.Body, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(smallPage.Body, "<article"));
        Assert.Equal(small, large);
        Assert.InRange(large, 1, 5);
    }

    [Fact]
    public async Task DailyFeedAsync_ThreeDaysOfPapers_ReadsTheStoreAFixedNumberOfTimes()
    {
        // Given three days of 10 papers each
        for (var d = 0; d < 3; d++) await SeedDayAsync(Day.AddDays(-d), 10, $"2603.{d + 1}");

        // When the daily feed is built
        var (reads, feed) = await CountAsync(() => Pages.DailyFeedAsync("http://127.0.0.1/", isStatic: false, CancellationToken.None));

        // Then it has all 30 entries from a few reads: the archive, two per day, the translations
        Assert.Equal(30, CountOf(feed.Body, "<entry>"));
        Assert.InRange(reads, 1, 8);
    }

    [Fact]
    public async Task PaperAsync_ListedTwiceInATopic_ShowsDaysNewestFirstAndTopics()
    {
        // Given a paper listed on two days, in two topics, with a summary
        await SeedDayAsync(Day.AddDays(-1), 1, "2603.1", "Zeta");
        await SeedDayAsync(Day, 1, "2603.1", "Alpha");

        // When its page is built
        var page = await Pages.PaperAsync("2603.10000", WebLinks.Server, CancellationToken.None);

        // Then both days are linked, the newest first, and both topics by name
        Assert.Equal(200, page.Status);
        Assert.True(page.Body.IndexOf("2026-03-02</a>", StringComparison.Ordinal) < page.Body.IndexOf("2026-03-01</a>", StringComparison.Ordinal));
        Assert.True(page.Body.IndexOf(">Alpha</a>", StringComparison.Ordinal) < page.Body.IndexOf(">Zeta</a>", StringComparison.Ordinal));
        Assert.Contains("Summary of 2603.10000", page.Body, StringComparison.Ordinal);
    }

    private async Task<(long Reads, WebPage Page)> CountAsync(Func<Task<WebPage>> build)
    {
        var before = _store.Sqlite.Connects;
        var page = await build();
        return (_store.Sqlite.Connects - before, page);
    }

    private async Task SeedDayAsync(DateOnly day, int count, string prefix, string? topic = null)
    {
        var papers = Enumerable.Range(0, count)
            .Select(i => TempStore.Paper($"{prefix}{i:D4}", $"Paper {prefix}{i:D4}", "An abstract.", day.AddDays(-i)))
            .ToList();
        await _store.Papers.SaveListingAsync(day, papers, CancellationToken.None);
        foreach (var p in papers)
        {
            await _store.SummaryAsync(p.Id.Id, "brief", new JsonObject
            {
                ["summary"] = $"Summary of {p.Id.Id}.",
                ["research_question"] = "Q", ["key_methods"] = "M", ["main_results"] = "R", ["implications"] = "I",
            });
            if (topic is not null) await _store.TopicAsync(p.Id.Id, topic);
        }
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    public void Dispose() => _store.Dispose();
}
