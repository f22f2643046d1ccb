using PaperDigest.Listings;
using PaperDigest.Papers;
using PaperDigest.Tests.TestSupport;
using PaperDigest.Web;

namespace PaperDigest.Tests.Web;

/// <summary>The source pages' service over a real SQLite store holding source digests and no Hugging Face day.</summary>
public sealed class SourceDigestPageServiceTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly ListingStore _listings;
    private readonly SourceDigestPageService _service;

    public SourceDigestPageServiceTests()
    {
        _listings = new ListingStore(_store.Sqlite);
        var reader = new ReaderStore(_store.Sqlite, _store.Papers, _store.Summaries);
        _service = new SourceDigestPageService(reader, new ReaderPageService(reader, new ReaderTranslations(_store.Sqlite)), _listings, new Dictionary<string, PaperDigest.Publishing.DigestOrigin>());
    }

    private async Task SeedAsync(string why)
    {
        await _store.Papers.UpsertAsync([TempStore.Paper("2602.03001", "Legged Locomotion", "Quadrupeds.", new DateOnly(2026, 2, 3))], CancellationToken.None);
        await _listings.SaveAsync("robotics", new DateOnly(2026, 2, 3), [("2602.03001", new PaperRelevance(0.5, ["term: gait"]))], CancellationToken.None);
        await using var connection = await _store.Sqlite.ConnectAsync(CancellationToken.None);
        await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE source_digests SET why = @why", new { why });
    }

    [Fact]
    public async Task HomeAsync_OnlySourceDigests_IsTheArchiveLinkingThem()
    {
        // Given source digests and no Hugging Face day
        await SeedAsync("[\"term: gait\"]");

        // When the home page is rendered
        var page = await _service.HomeAsync(WebLinks.Server, CancellationToken.None);

        // Then it is not "no digest yet" but the archive, linking the source (unconfigured: named by its name)
        Assert.Equal(200, page.Status);
        Assert.Contains("<h1>Archive</h1>", page.Body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/daily/robotics\">robotics</a> <span class=\"meta\">the arXiv source robotics · 1 day", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("No digest yet", page.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"a\": 1}")]
    [InlineData("[1, null, \"term: gait\"]")]
    public async Task SourceDayAsync_StoredWhyNotAListOfStrings_ShowsThePaperWithoutFailing(string why)
    {
        // Given a stored "why" that is not a JSON list of strings
        await SeedAsync(why);

        // When the day is rendered
        var page = await _service.SourceDayAsync("robotics", "2026-02-03", WebLinks.Server, CancellationToken.None);

        // Then the page answers with the paper and its score (a 200, not a 500)
        Assert.Equal(200, page.Status);
        Assert.Contains("Legged Locomotion", page.Body, StringComparison.Ordinal);
        Assert.Contains("Relevance <strong>0.50</strong>", page.Body, StringComparison.Ordinal);
    }

    public void Dispose() => _store.Dispose();
}
