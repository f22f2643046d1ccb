using PaperDigest.Sources;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Sources;

public sealed class ArxivAtomParserTests
{
    [FixtureTheory]
    [InlineData("arxiv_api_2026-04-12_idlist_0000.0000_empty.xml", 0, 0)]
    [InlineData("arxiv_api_2026-04-12_idlist_1707.08567.xml", 1, 1)]
    [InlineData("arxiv_api_2026-04-12_idlist_2104.12255v1.xml", 1, 1)]
    [InlineData("arxiv_api_2026-04-12_search_all-testing_start0_max10.xml", 10, 214881)]
    [InlineData("arxiv_api_2026-04-12_search_all-testing_start0_max100.xml", 100, 214881)]
    [InlineData("arxiv_api_2026-04-30_search_cat-cs.LG-OR-cs.AI_max20.xml", 20, 364218)]
    [InlineData("arxiv_api_2026-05-11_idlist_astro-ph_0601001.xml", 1, 1)]
    [InlineData("arxiv_api_legacy-2016-10-09_search_au-del_maestro_max10.xml", 10, 31)]
    public void Parse_EveryRecordedFeed_ReadsAllEntriesAndCounters(string file, int entries, int total)
    {
        // Given a recorded arXiv API answer
        var xml = Fixtures.Read("arxiv_api/" + file);

        // When it is parsed
        var feed = ArxivAtomParser.Parse(xml);

        // Then every entry is there, complete, and the counters match
        Assert.Equal(entries, feed.Entries.Count);
        Assert.Equal(total, feed.TotalResults);
        Assert.Equal(0, feed.StartIndex);
        Assert.Equal(0, feed.SkippedEntries);
        Assert.All(feed.Entries, e =>
        {
            Assert.NotNull(e.Id.Version);
            Assert.NotEmpty(e.Title);
            Assert.NotEmpty(e.Summary);
            Assert.NotEmpty(e.Authors);
            Assert.NotEmpty(e.Categories);
            Assert.Equal(e.PrimaryCategory, e.Categories[0]);
            Assert.NotNull(e.AbsUrl);
            Assert.NotNull(e.PdfUrl);
            Assert.DoesNotContain("\n", e.Title + e.Summary, StringComparison.Ordinal);
            Assert.True(e.Published.Year > 1990);
        });
    }

    [FixtureFact]
    public void Parse_ErrorFeed_ThrowsWithArxivsMessage()
    {
        // Given the error feed arXiv sends with HTTP 400 for id_list=abc
        var xml = Fixtures.Read("arxiv_api/arxiv_api_2026-04-12_idlist_abc_http400_error.xml");

        // When it is parsed
        var ex = Assert.Throws<ArxivQueryException>(() => ArxivAtomParser.Parse(xml));

        // Then the exception says what arXiv said
        Assert.Contains("incorrect id format for abc", ex.Message, StringComparison.Ordinal);
        Assert.Equal("https://arxiv.org/api/errors#incorrect_id_format_for_abc", ex.ErrorId);
    }

    [FixtureFact]
    public void Parse_TitleWithLatexAndOmega_KeepsItExactly()
    {
        // Given the 100-result search that holds "$ω$Test"
        var feed = ArxivAtomParser.Parse(Fixtures.Read("arxiv_api/arxiv_api_2026-04-12_search_all-testing_start0_max100.xml"));

        // When the entry is looked up
        var entry = Assert.Single(feed.Entries, e => e.Id.Id == "2306.03845");

        // Then title, version, comment, doi and links are as recorded
        Assert.Equal("$ω$Test: WebView-Oriented Testing for Android Applications", entry.Title);
        Assert.Equal(1, entry.Id.Version);
        Assert.Equal("Accepted by the 32nd ACM SIGSOFT International Symposium on Software Testing and Analysis (ISSTA 2023)", entry.Comment);
        Assert.Equal("10.1145/3597926.3598112", entry.Doi);
        Assert.Equal("https://arxiv.org/abs/2306.03845v1", entry.AbsUrl);
        Assert.Equal("https://arxiv.org/pdf/2306.03845v1", entry.PdfUrl);
        Assert.Equal(new DateTimeOffset(2023, 6, 6, 16, 32, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(["Jiajun Hu", "Lili Wei", "Yepang Liu", "Shing-Chi Cheung"], entry.Authors.Select(a => a.Name));
    }

    [FixtureFact]
    public void Parse_LegacyFeed_CollapsesWrappedSummaryAndReadsJournalRef()
    {
        // Given the 2016 feed, whose summaries start with spaces and wrap lines
        var feed = ArxivAtomParser.Parse(Fixtures.Read("arxiv_api/arxiv_api_legacy-2016-10-09_search_au-del_maestro_max10.xml"));

        // When the first entry is read
        var entry = feed.Entries[0];

        // Then the summary is single-spaced and the namespaced legacy fields are there
        Assert.Equal("1201.4869v1", entry.Id.Versioned);
        Assert.StartsWith("As helium-4 is cooled below 2.17 K it undergoes a phase transition to a fundamentally new state", entry.Summary, StringComparison.Ordinal);
        Assert.EndsWith("intriguing low dimensional state of matter.", entry.Summary, StringComparison.Ordinal);
        Assert.Equal("Int. J. Mod. Phys. B, 26, 1244002 (2012)", entry.JournalRef);
        Assert.Equal("10.1142/S021797921244002X", entry.Doi);
        Assert.Equal("26 pages, 10 figures", entry.Comment);
        Assert.Equal(["cond-mat.mes-hall", "cond-mat.other"], entry.Categories);
        Assert.Equal("http://arxiv.org/pdf/1201.4869v1", entry.PdfUrl);
        Assert.Equal(10, feed.ItemsPerPage);
    }

    [FixtureFact]
    public void Parse_OldStyleIdWithAffiliations_ReadsBoth()
    {
        // Given the astro-ph/0601001 lookup
        var feed = ArxivAtomParser.Parse(Fixtures.Read("arxiv_api/arxiv_api_2026-05-11_idlist_astro-ph_0601001.xml"));

        // When its only entry is read
        var entry = Assert.Single(feed.Entries);

        // Then the old-style id keeps its archive and authors keep their affiliations
        Assert.Equal("astro-ph/0601001", entry.Id.Id);
        Assert.Equal(1, entry.Id.Version);
        Assert.Equal("ActaAstron.56:1-50,2006", entry.JournalRef);
        Assert.Equal(["Ohio State"], entry.Authors[0].Affiliations);
        Assert.Equal("CfA", Assert.Single(entry.Authors[2].Affiliations));
    }

    [FixtureFact]
    public void Parse_FeedCutOffHalfway_ThrowsNamingTheLine()
    {
        // Given a search answer cut off in the middle
        var xml = Fixtures.Read("arxiv_api/arxiv_api_2026-04-12_search_all-testing_start0_max10.xml");
        var cut = xml[..(xml.Length / 2)];

        // When it is parsed
        var ex = Assert.Throws<ArxivFeedFormatException>(() => ArxivAtomParser.Parse(cut));

        // Then the error says where the XML broke
        Assert.NotNull(ex.Line);
        Assert.True(ex.Line > 1);
        Assert.Contains($"line {ex.Line}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Rate exceeded</body></html>")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2609.00001v1</id>")]
    public void Parse_NotAnAtomFeed_ThrowsFormatError(string body)
    {
        // Given something that is not a complete Atom feed
        // When it is parsed
        var ex = Record.Exception(() => ArxivAtomParser.Parse(body));

        // Then it is a format error, not a crash without context
        Assert.IsType<ArxivFeedFormatException>(ex);
        Assert.Contains("line", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EntryWithoutIdOrTitle_IsSkippedAndCounted()
    {
        // Given a hand-made page with one good entry and two broken ones
        var xml = FakeArxivFeed.Page(0, 1, 1).Replace("</feed>", """
              <entry><title>No id here</title></entry>
              <entry><id>http://arxiv.org/abs/2609.00002v2</id></entry>
            </feed>
            """, StringComparison.Ordinal);

        // When it is parsed
        var feed = ArxivAtomParser.Parse(xml);

        // Then the good entry is read and the broken ones counted
        var entry = Assert.Single(feed.Entries);
        Assert.Equal(2, feed.SkippedEntries);
        Assert.Equal("Generated Paper 0: A Study of Line Wraps | Pipes", entry.Title);
        Assert.Equal(["cs.CL", "cs.LG"], entry.Categories);
    }

    [Fact]
    public void ToPaper_Entry_CarriesIdTitleAuthorsAndDate()
    {
        // Given a parsed hand-made entry
        var entry = ArxivAtomParser.Parse(FakeArxivFeed.Page(0, 1, 1)).Entries[0];

        // When it becomes a domain paper
        var paper = entry.ToPaper();

        // Then the fields carry over
        Assert.Equal(entry.Id, paper.Id);
        Assert.Equal(new DateOnly(2026, 9, 23), paper.Published);
        Assert.Equal(["Ada Example"], paper.Authors);
        Assert.Equal("10 pages", paper.Comment);
    }
}
