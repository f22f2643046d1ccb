using System.Text;
using PaperDigest.Papers;
using PaperDigest.Reading;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Reading;

public sealed class ArxivHtmlReaderTests
{
    private const string Page2025 = "arxiv_html/arxiv_html_2501.11120v1.html";
    private const string Page2026 = "arxiv_html/arxiv_html_2508.08468v6.html";

    [Fact]
    public void Read_SmallPage_KeepsStructureAndDropsChrome()
    {
        // Given a small LaTeXML page with navigation, footnote, bibliography and footer
        // When it is read and rendered
        var document = ArxivHtmlReader.Read(SyntheticArxivPage.Small).Value!;
        var text = ArxivTextRenderer.Render(document);

        // Then the front matter, the section tree, the table and the math are there, the chrome is not
        Assert.Equal("A Small Paper", document.Title);
        Assert.Equal([new("Ada Lovelace", ["Analytical Engine Institute"]), new Author("Alan Turing", ["Bletchley Park"])], document.Authors, AuthorComparer.Instance);
        Assert.Equal("We add numbers.", document.Abstract);
        Assert.Equal(["1 Introduction", "2 Method", "3 Related Work", "Appendix A Proofs"], document.Sections.Select(s => s.NumberedHeading));
        Assert.Equal("2.1 Training", document.Sections[1].Subsections[0].NumberedHeading);
        Assert.Contains("## 2.1 Training", text);
        Assert.Contains("Table 1: Results.\n| Model | Accuracy |\n| Ours | 94.4 |\n| Baseline | 67.8 |", text);
        Assert.Contains("We compute $a+b=c$ for all inputs.", text);
        Assert.Contains("$$E=mc^{2}$$ (1)", text);
        foreach (var chrome in new[] { "NAVTEXT", "FOOTNOTETEXT", "BIBTEXT", "FOOTERTEXT", "References" }) Assert.DoesNotContain(chrome, text);
    }

    [Fact]
    public void Read_SmallPage_KnowsSectionKinds()
    {
        // Given a page with an introduction, a method, related work and an appendix
        // When it is read
        var sections = ArxivHtmlReader.Read(SyntheticArxivPage.Small).Value!.Sections;

        // Then each section knows what it is, and subsections inherit it
        Assert.Equal([SectionKind.Introduction, SectionKind.Method, SectionKind.RelatedWork, SectionKind.Appendix], sections.Select(s => s.Kind));
        Assert.Equal(SectionKind.Method, sections[1].Subsections[0].Kind);
    }

    [Fact]
    public void Read_LooseInlineTextAndTheoremTitle_StayOneParagraphEach()
    {
        // Given a section whose para holds text and inline elements outside ltx_p, and a theorem with a title
        var html = """
            <html><body><article class="ltx_document"><section class="ltx_section"><h2 class="ltx_title"><span class="ltx_tag">1 </span>Theory</h2>
            <div class="ltx_para">We show <em>that</em> <math alttext="x>0"></math> holds.</div>
            <div class="ltx_theorem"><h6 class="ltx_title ltx_title_theorem"><span class="ltx_tag">Theorem 1</span>.</h6><div class="ltx_para"><p class="ltx_p">It holds.</p></div></div>
            </section></article></body></html>
            """;

        // When it is read
        var blocks = ArxivHtmlReader.Read(html).Value!.Sections.Single().Blocks;

        // Then each run of inline content is one paragraph
        Assert.Equal(["We show that $x>0$ holds.", "Theorem 1.", "It holds."], blocks.Select(b => b.Text));
    }

    [FixtureFact]
    public void Read_2025Page_HasSectionsTableCellsCaptionsAffiliationsAndMath()
    {
        // Given the real 2025-template page of 2501.11120v1
        // When it is read and rendered
        var document = ArxivHtmlReader.Read(Fixtures.Read(Page2025)).Value!;
        var text = ArxivTextRenderer.Render(document);

        // Then headings carry their numbers, table cells stay next to their row and column labels, captions, affiliations and math are kept
        Assert.Equal("Tell me about yourself: LLMs are aware of their learned behaviors", document.Title);
        Assert.Contains("## 3.2 Finetuning on long dialogues (Make Me Say)", text);
        Assert.Contains("| | FT on vulnerable code | FT on secure code | GPT-4o |\n| Rate of outputting secure code | 0.14 $\\pm$ 0.01 | 0.88 $\\pm$ 0.01 | 0.74 |", text);
        Assert.Contains("Table 2: When models are finetuned to write vulnerable code, they correctly report a lower code security score", text);
        Assert.Equal(["Truthful AI", "UK AISI"], document.Authors.Single(a => a.Name == "Martín Soto").Affiliations);
        Assert.Equal(6, document.Authors.Count);
        Assert.Contains("$z\\in Z$", text);
        Assert.Contains(Flatten(document.Sections), s => s.Kind == SectionKind.Appendix && s.NumberedHeading == "Appendix A Author contributions");
        Assert.Contains(Flatten(document.Sections), s => s.Kind == SectionKind.RelatedWork && s.NumberedHeading == "6 Related work");
    }

    [FixtureFact]
    public void Read_2025Page_LeavesOutBibliographyAndChrome()
    {
        // Given the real 2025-template page
        // When it is rendered
        var text = ArxivTextRenderer.Render(ArxivHtmlReader.Read(Fixtures.Read(Page2025)).Value!);

        // Then no bibliography entry, table of contents or footnote remains
        Assert.DoesNotContain("Llama 3 model card", text);
        Assert.DoesNotContain("## References", text);
        Assert.DoesNotContain("Equal contribution", text);
        Assert.DoesNotContain("Report issue", text);
        Assert.DoesNotContain("<span", text);
        Assert.DoesNotContain("data:image", text);
    }

    [FixtureFact]
    public void Read_2026Page_HasSectionsTableCellsCaptionsAffiliationsAndEquations()
    {
        // Given the real 2026-template page of 2508.08468v6
        // When it is read and rendered
        var document = ArxivHtmlReader.Read(Fixtures.Read(Page2026)).Value!;
        var text = ArxivTextRenderer.Render(document);

        // Then the IEEE-style numbers, a table row, its caption, an affiliation and numbered equations are kept
        Assert.Equal("Audio-Visual Speech Enhancement: Architectural Design and Deployment Strategies", document.Title);
        Assert.Contains("## IV-A Model Architecture and Feature Fusion", text);
        Assert.Contains("TABLE III: Model Complexity and Execution Time\n| Model | Total Parameters | Execution Time (ms) |\n| Model 1 | 1,540,396 (5.88 MB) | 1200 |\n| Model 2 | 603,564 (2.30 MB) | 550 |", text);
        Assert.Contains("$$y[n]=x[n]+d[n],$$ (1)", text);
        Assert.Contains(document.Authors.Single(a => a.Name == "Amir Hussain").Affiliations, a => a.Contains("King Fahd University of Petroleum and Minerals", StringComparison.Ordinal));
        Assert.Equal(5, document.Authors.Count);
        Assert.DoesNotContain("Real-time lightweight chaotic encryption", text);
        Assert.DoesNotContain("arXiv:2508.08468v6", text);
        Assert.Contains(Flatten(document.Sections), s => s.Kind == SectionKind.Acknowledgements);
    }

    [FixtureFact]
    public void Read_NoHtmlPage_NotAvailableWithReason()
    {
        // Given arXiv's "No HTML for ..." page
        // When it is read
        var result = ArxivHtmlReader.Read(Fixtures.Read("arxiv_html/arxiv_html_NOT_AVAILABLE_2601.17668.html"));

        // Then it is not available, and says why
        Assert.False(result.IsAvailable);
        Assert.Equal("arXiv has no HTML for this paper (No HTML for '2601.17668')", result.Reason);
    }

    [FixtureFact]
    public void Read_TruncatedPage_NotAvailable()
    {
        // Given the real page cut at half
        var html = Fixtures.Read(Page2025);

        // When it is read
        var result = ArxivHtmlReader.Read(html[..(html.Length / 2)]);

        // Then it is not available instead of passing half a paper on
        Assert.Equal("truncated page (no closing </html>)", result.Reason);
    }

    [Theory]
    [InlineData("", "empty page")]
    [InlineData("{\"error\":\"not found\"}", "not HTML")]
    [InlineData("<html><body><h1>Hello</h1></body></html>", "no LaTeXML document (ltx_document) in the page")]
    [InlineData("<html><body><article class=\"ltx_document\"><h1 class=\"ltx_title ltx_title_document\">T</h1><div class=\"ltx_abstract\"><p class=\"ltx_p\">A.</p></div></article></body></html>", "LaTeXML document has no body text")]
    public void Read_BadInput_NotAvailableWithReason(string html, string reason)
    {
        // Given a page that is empty, not HTML, not LaTeXML or without sections
        // When it is read
        var result = ArxivHtmlReader.Read(html);

        // Then it is not available, with the reason
        Assert.Null(result.Value);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Read_BinaryBody_NotAvailable()
    {
        // Given random bytes decoded as text
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        // When they are read
        var result = ArxivHtmlReader.Read(Encoding.UTF8.GetString(bytes));

        // Then the reader declines without throwing
        Assert.False(result.IsAvailable);
    }

    [Fact]
    public void Read_TwoMegabytesOfTables_ReadsEveryRow()
    {
        // Given a 2 MB page that is mostly tables
        var html = SyntheticArxivPage.MostlyTables(2_000_000);

        // When it is read
        var document = ArxivHtmlReader.Read(html).Value!;

        // Then every section's table keeps its header and 40 rows
        Assert.True(document.Sections.Count > 50);
        Assert.All(document.Sections, s => Assert.Equal(42, s.Blocks.Single(b => b.Kind == BlockKind.Table).Text.Split('\n').Length));
    }

    private static IEnumerable<ArxivSection> Flatten(IEnumerable<ArxivSection> sections) =>
        sections.SelectMany(s => new[] { s }.Concat(Flatten(s.Subsections)));

    private sealed class AuthorComparer : IEqualityComparer<Author>
    {
        public static readonly AuthorComparer Instance = new();

        public bool Equals(Author? x, Author? y) => x?.Name == y?.Name && x!.Affiliations.SequenceEqual(y!.Affiliations);

        public int GetHashCode(Author obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
