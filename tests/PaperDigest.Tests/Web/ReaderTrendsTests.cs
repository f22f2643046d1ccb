using PaperDigest.Tests.TestSupport;
using PaperDigest.Web;

namespace PaperDigest.Tests.Web;

/// <summary>/trends covers every digest stored, not only the 8 weeks before the newest one.</summary>
public sealed class ReaderTrendsTests
{
    [Fact]
    public async Task TrendsAsync_DigestsFiveMonthsApart_BothCountedInWeeklyBars()
    {
        // Given: a digest in October and one in February, further apart than the 56 daily bars
        using var store = new TempStore();
        var october = new DateOnly(2025, 10, 1); // a Wednesday
        var february = new DateOnly(2026, 2, 3);  // a Tuesday
        await store.Papers.SaveListingAsync(october, [TempStore.Paper("2510.00001", "Old paper", "An abstract.", october), TempStore.Paper("2510.00002", "Old paper two", "An abstract.", october)], CancellationToken.None);
        await store.Papers.SaveListingAsync(february, [TempStore.Paper("2602.00001", "New paper", "An abstract.", february)], CancellationToken.None);
        var reader = new ReaderStore(store.Sqlite, store.Papers, store.Summaries);

        // When
        var trends = await reader.TrendsAsync(ReaderPageService.TrendDays, CancellationToken.None);

        // Then: the window starts at the oldest digest; bars are weeks (Mondays) and hold every paper
        Assert.Equal(october, trends.Since);
        Assert.Equal(february, trends.Until);
        Assert.Equal(3, trends.PerDay.Sum(b => b.Count));
        Assert.Equal(2, trends.PerDay.Single(b => b.Label == "2025-09-29").Count);
        Assert.Equal(1, trends.PerDay.Single(b => b.Label == "2026-02-02").Count);
        Assert.All(trends.PerDay, b => Assert.Equal(DayOfWeek.Monday, DateOnly.Parse(b.Label).DayOfWeek));
    }

    [Fact]
    public async Task TrendsAsync_ShortHistory_OneBarADay()
    {
        // Given: two digests three days apart
        using var store = new TempStore();
        await store.Papers.SaveListingAsync(new DateOnly(2026, 2, 1), [TempStore.Paper("2602.00001", "A", "An abstract.")], CancellationToken.None);
        await store.Papers.SaveListingAsync(new DateOnly(2026, 2, 4), [TempStore.Paper("2602.00002", "B", "An abstract.")], CancellationToken.None);
        var reader = new ReaderStore(store.Sqlite, store.Papers, store.Summaries);

        // When
        var trends = await reader.TrendsAsync(ReaderPageService.TrendDays, CancellationToken.None);

        // Then: four daily bars, the empty days as zeros
        Assert.Equal(["2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04"], trends.PerDay.Select(b => b.Label));
        Assert.Equal([1, 0, 0, 1], trends.PerDay.Select(b => b.Count));
    }
}
