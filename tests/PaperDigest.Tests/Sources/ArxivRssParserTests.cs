using PaperDigest.Sources;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Sources;

public sealed class ArxivRssParserTests
{
    private const string Feed = "arxiv_rss/arxiv_rss_2026-09-24_cs.LG+cs.AI+cs.CL+stat.ML_trimmed4items.xml";

    [FixtureFact]
    public void Parse_RecordedListing_ReadsAnnounceTypesAndIds()
    {
        // Given the recorded combined listing of four items
        var xml = Fixtures.Read(Feed);

        // When it is parsed
        var entries = ArxivRssParser.Parse(xml);

        // Then each item has its versioned id and announce type
        Assert.Equal(["2609.26811v1", "2609.26820v1", "2205.06398v2", "2009.13987v3"], entries.Select(e => e.Id.Versioned));
        Assert.Equal(
            [ArxivAnnounceType.New, ArxivAnnounceType.New, ArxivAnnounceType.Cross, ArxivAnnounceType.Replace],
            entries.Select(e => e.AnnounceType));
    }

    [FixtureFact]
    public void Parse_RecordedItem_SplitsAbstractAuthorsAndCategories()
    {
        // Given the recorded listing
        var entries = ArxivRssParser.Parse(Fixtures.Read(Feed));

        // When the second and third items are read
        var second = entries[1];
        var third = entries[2];

        // Then the abstract has no "arXiv:... Announce Type" prefix, and authors and categories are lists
        Assert.StartsWith("Physiological time series such as electrocardiograms", second.Abstract, StringComparison.Ordinal);
        Assert.Equal(["Naser Mansour", "Sidahmed Benabderrahmane", "Ameer Rahwan"], second.Authors);
        Assert.Equal(["cs.LG", "cs.AI"], second.Categories);
        Assert.Equal(new DateTimeOffset(2026, 9, 24, 0, 0, 0, TimeSpan.FromHours(-4)), second.Announced);
        Assert.Equal("10.1093/bioinformatics/btac431", third.Doi);
        Assert.Null(second.Doi);
    }

    [Theory]
    [InlineData("new", "New")]
    [InlineData("cross", "Cross")]
    [InlineData("replace", "Replace")]
    [InlineData("replace-cross", "ReplaceCross")]
    [InlineData(" Replace-Cross ", "ReplaceCross")]
    [InlineData("withdrawn", "Unknown")]
    public void Parse_HandMadeItem_ReadsAnnounceTypeFromDescription(string type, string expected)
    {
        // Given an item without arxiv:announce_type, only the description line
        var xml = $"""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
            <item><title>A Paper</title><link>https://arxiv.org/abs/2609.00001</link>
            <description>arXiv:2609.00001v2 Announce Type: {type}
            Abstract: First line
              second line.</description>
            <dc:creator>Ada Lovelace and Alan Turing</dc:creator></item>
            </channel></rss>
            """;

        // When it is parsed
        var entry = Assert.Single(ArxivRssParser.Parse(xml));

        // Then the type, abstract and authors come from the text
        Assert.Equal(expected, entry.AnnounceType.ToString());
        Assert.Equal("First line second line.", entry.Abstract);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], entry.Authors);
        Assert.Equal("2609.00001v2", entry.Id.Versioned);
    }

    [Fact]
    public void Parse_TruncatedFeed_ThrowsNamingTheLine()
    {
        // Given a listing cut off inside an item
        var xml = "<rss version=\"2.0\">\n<channel>\n<item><title>A Pap";

        // When it is parsed
        var ex = Assert.Throws<ArxivFeedFormatException>(() => ArxivRssParser.Parse(xml));

        // Then the message names the line
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [FixtureFact]
    public void ParseFeed_RecordedListing_TakesTheChannelDayAndKeepsEveryAnnounceType()
    {
        // Given the recorded listing, whose channel pubDate is Thu, 24 Sep 2026 00:00:00 -0400
        var xml = Fixtures.Read(Feed);

        // When the feed is parsed
        var feed = ArxivRssParser.ParseFeed(xml);

        // Then its day is the announcement day in arXiv's own time zone, and new/cross/replace items are all there to filter
        Assert.Equal(new DateOnly(2026, 9, 24), feed.Date);
        Assert.Equal(2, feed.Entries.Count(e => e.AnnounceType == ArxivAnnounceType.New));
        Assert.Single(feed.Entries, e => e.AnnounceType == ArxivAnnounceType.Cross);
        Assert.Single(feed.Entries, e => e.AnnounceType == ArxivAnnounceType.Replace);
    }

    [Theory]
    [InlineData("new", "New")]
    [InlineData("cross", "Cross")]
    [InlineData("replace", "Replace")]
    [InlineData("replace-cross", "ReplaceCross")]
    [InlineData("Replace-Cross ", "ReplaceCross")]
    [InlineData("other", "Unknown")]
    public void ParseAnnounceType_ConfigWords_MapToTypes(string text, string expected) =>
        Assert.Equal(expected, ArxivRssParser.ParseAnnounceType(text).ToString());
}
