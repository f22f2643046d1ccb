using PaperDigest.Sources;
using PaperDigest.Tests.TestSupport;
using PaperDigest.Tracker;

namespace PaperDigest.Tests.Tracker;

public sealed class TrackerRowTests
{
    [Fact]
    public void FromEntry_ArxivResult_TakesDateAndCodeLinkFromIt()
    {
        // Given a parsed arXiv entry whose abstract names a repository
        var entry = ArxivAtomParser.Parse(FakeArxivFeed.Page(0, 1, 1)).Entries[0];

        // When it becomes a tracker row with a translated abstract
        var row = TrackerRow.FromEntry(entry, translatedAbstract: "我们研究了生成的论文。");

        // Then the date, code link and both abstracts are set
        Assert.Equal(new DateOnly(2026, 9, 23), row.Published);
        Assert.Equal("https://github.com/example/paper-0", row.CodeUrl);
        Assert.Equal("我们研究了生成的论文。", row.Abstract);
        Assert.Equal(entry.Summary, row.AbstractOriginal);
    }

    [Fact]
    public void FromEntry_GivenCodeUrl_WinsAndAbstractStaysOriginal()
    {
        // Given a parsed arXiv entry and a code link from Hugging Face
        var entry = ArxivAtomParser.Parse(FakeArxivFeed.Page(0, 1, 1)).Entries[0];

        // When it becomes a tracker row without translation
        var row = TrackerRow.FromEntry(entry, "https://github.com/hf/choice");

        // Then the given link is used and there is no separate original
        Assert.Equal("https://github.com/hf/choice", row.CodeUrl);
        Assert.Equal(entry.Summary, row.Abstract);
        Assert.Null(row.AbstractOriginal);
    }
}
