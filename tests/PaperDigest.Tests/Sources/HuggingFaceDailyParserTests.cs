using PaperDigest.Sources;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Sources;

public sealed class HuggingFaceDailyParserTests
{
    [FixtureTheory]
    [InlineData("daily_papers_2025-10-14.json", 39)]
    [InlineData("daily_papers_2026-02-03.json", 44)]
    [InlineData("daily_papers_2026-07-15.json", 2)]
    [InlineData("daily_papers_2026-07-21.json", 25)]
    [InlineData("daily_papers_raw_compact_2026-07-13_limit25.json", 25)]
    public void Parse_RealResponses_EveryPaperSingleSpacedAndOrderedByUpvotes(string file, int count)
    {
        // When
        var papers = HuggingFaceDailyParser.Parse(Fixtures.Read("hf_daily_papers/" + file), file);

        // Then
        Assert.Equal(count, papers.Count);
        Assert.All(papers, p =>
        {
            Assert.DoesNotContain('\n', p.Title);
            Assert.DoesNotContain('\n', p.Abstract);
            Assert.DoesNotContain("  ", p.Abstract);
            Assert.NotEmpty(p.Authors);
        });
        Assert.Equal(papers.Select(p => p.Upvotes).OrderByDescending(u => u), papers.Select(p => p.Upvotes));
    }

    [FixtureFact]
    public void Parse_2025Day_LineWrapsRemovedAndCodeLinksKept()
    {
        // When
        var papers = HuggingFaceDailyParser.Parse(Fixtures.Read("hf_daily_papers/daily_papers_2025-10-14.json"), "f");

        // Then
        Assert.Equal(22, papers.Count(p => p.CodeUrl is not null));
        Assert.All(papers.Where(p => p.CodeUrl is not null), p => Assert.StartsWith("https://github.com/", p.CodeUrl));
    }

    [FixtureFact]
    public void Parse_DayWithoutAiFields_NoAiSummaryNoCrash()
    {
        var papers = HuggingFaceDailyParser.Parse(Fixtures.Read("hf_daily_papers/daily_papers_2026-07-21.json"), "f");
        Assert.All(papers, p => Assert.Null(p.AiSummary));
        Assert.Contains(papers, p => p.Title.StartsWith("Apple-π", StringComparison.Ordinal));
    }

    [FixtureFact]
    public void Parse_2026Day_AiKeywordsAndStars()
    {
        var papers = HuggingFaceDailyParser.Parse(Fixtures.Read("hf_daily_papers/daily_papers_2026-02-03.json"), "f");
        Assert.Equal(43, papers.Count(p => p.AiKeywords is { Count: > 0 })); // SEA-Guard has an empty ai_keywords list
        Assert.Equal(18, papers.Count(p => p.CodeUrl is not null));
        Assert.Contains(papers, p => p.GithubStars > 0);
    }

    [Theory]
    [InlineData("[{\"paper\": {\"id\": \"2509.15221\", \"title\": \"T\"", "not valid JSON")]
    [InlineData("{\"error\": \"Invalid date\"}", "not an array")]
    [InlineData("<html>Bad gateway</html>", "not valid JSON")]
    public void Parse_BrokenBody_ClearMessage(string body, string expected)
    {
        var ex = Assert.Throws<SourceException>(() => HuggingFaceDailyParser.Parse(body, "Hugging Face's answer for 2026-02-03"));
        Assert.Contains(expected, ex.Message);
        Assert.Contains("2026-02-03", ex.Message);
    }

    [Fact]
    public void Parse_EntriesWithoutIdOrTitle_Skipped()
    {
        // Given: hand-made entries: one good, one without id, one with a non-arXiv id, one without title
        const string body = """
            [
              {"paper": {"id": "2509.15221", "title": "Good\n  paper", "summary": "A\n  b.", "upvotes": 3, "authors": [{"name": "X"}]}},
              {"paper": {"title": "No id"}},
              {"paper": {"id": "not-an-id", "title": "Bad id"}},
              {"paper": {"id": "2509.15222", "summary": "no title"}},
              42
            ]
            """;

        // When
        var papers = HuggingFaceDailyParser.Parse(body, "test");

        // Then
        var only = Assert.Single(papers);
        Assert.Equal("Good paper", only.Title);
        Assert.Equal("A b.", only.Abstract);
    }
}
