using PaperDigest.Papers;
using PaperDigest.Reading;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Reading;

public sealed class ContextBudgetTests
{
    private static readonly string Sentence = "This sentence is about forty characters. ";

    [Fact]
    public void Fit_SmallBudget_DropsAppendixBeforeMethod()
    {
        // Given a paper whose method and appendix are the same size
        var document = Paper(("1", "Method", SectionKind.Method, 20), ("A", "Extra results", SectionKind.Appendix, 20));
        var budget = TokenEstimator.Estimate(ArxivTextRenderer.Render(document)) - 50;

        // When it is fitted into a budget that needs one of them gone
        var fitted = ContextBudget.Fit(document, budget);

        // Then the appendix went and the method is whole
        Assert.Equal(["1 Method"], fitted.Sections.Select(s => s.NumberedHeading));
        Assert.Equal(document.Sections[0].Blocks, fitted.Sections[0].Blocks);
    }

    [Fact]
    public void Fit_DropOrder_ReferencesAcknowledgementsAppendixRelatedWorkThenLowPriority()
    {
        // Given a paper with every kind of section
        var document = Paper(
            ("1", "Introduction", SectionKind.Introduction, 10),
            ("2", "Related work", SectionKind.RelatedWork, 10),
            ("3", "Analysis of things", SectionKind.Other, 10),
            ("4", "Method", SectionKind.Method, 10),
            ("", "Acknowledgements", SectionKind.Acknowledgements, 10),
            ("A", "Appendix", SectionKind.Appendix, 10));
        var full = TokenEstimator.Estimate(ArxivTextRenderer.Render(document));

        // When it is fitted into budgets that need one, two and three sections' worth of room
        var section = full / 6;
        var one = ContextBudget.Fit(document, full - section / 2);
        var three = ContextBudget.Fit(document, full - (5 * section / 2));

        // Then acknowledgements go first, then the appendix, then related work; introduction and method stay
        Assert.Equal(["1 Introduction", "2 Related work", "3 Analysis of things", "4 Method", "A Appendix"], one.Sections.Select(s => s.NumberedHeading));
        Assert.Equal(["1 Introduction", "3 Analysis of things", "4 Method"], three.Sections.Select(s => s.NumberedHeading));
    }

    [Fact]
    public void Fit_RoomLeftAfterDropping_PutsSmallAppendixBack()
    {
        // Given a method, a large appendix and a small one
        var document = Paper(("1", "Method", SectionKind.Method, 10), ("A", "Large", SectionKind.Appendix, 30), ("B", "Small", SectionKind.Appendix, 2));
        var large = TokenEstimator.Estimate(ArxivTextRenderer.Heading(document.Sections[1])) + document.Sections[1].Blocks.Sum(b => TokenEstimator.Estimate(ArxivTextRenderer.Block(b)));
        var budget = TokenEstimator.Estimate(ArxivTextRenderer.Render(document)) - large + 60;

        // When it is fitted into a budget with room for all but the large appendix
        var fitted = ContextBudget.Fit(document, budget);

        // Then only the large appendix is gone
        Assert.Equal(["1 Method", "B Small"], fitted.Sections.Select(s => s.NumberedHeading));
        Assert.True(TokenEstimator.Estimate(ArxivTextRenderer.Render(fitted)) <= budget);
    }

    [Fact]
    public void Fit_TightBudget_KeepsWholeBlocksAndTablesLongest()
    {
        // Given a paper with long paragraphs and a table in its experiments
        var table = new ArxivBlock(BlockKind.Table, "Table 1: Scores.\n| Model | Acc |\n| Ours | 94.4 |");
        var experiments = new ArxivSection("5", "Experiments", 1, SectionKind.Experiments, [.. Paragraphs(30), table], []);
        var document = new ArxivDocument("T", [], "Abstract.", [experiments]);

        // When it is fitted into a budget far below its size
        var fitted = ContextBudget.Fit(document, 300);

        // Then it respects the budget, every kept block is an original block unchanged, and the table is still there
        Assert.True(TokenEstimator.Estimate(ArxivTextRenderer.Render(fitted)) <= 300);
        Assert.All(fitted.Sections.SelectMany(s => s.Blocks), b => Assert.Contains(b, experiments.Blocks));
        Assert.Contains(table, fitted.Sections[0].Blocks);
    }

    [FixtureTheory]
    [InlineData(24_000)]
    [InlineData(8_000)]
    [InlineData(1_500)]
    public void Fit_RealPage_RespectsBudgetAndKeepsRowsWhole(int budget)
    {
        // Given the real 700 KB page
        var document = ArxivHtmlReader.Read(Fixtures.Read("arxiv_html/arxiv_html_2501.11120v1.html")).Value!;
        var originalRows = document.Sections.SelectMany(Flatten).SelectMany(s => s.Blocks).SelectMany(b => b.Text.Split('\n')).ToHashSet();

        // When it is fitted
        var fitted = ContextBudget.Fit(document, budget);
        var text = ArxivTextRenderer.Render(fitted);

        // Then it fits, keeps the abstract and introduction, and every table row is an original row
        Assert.True(TokenEstimator.Estimate(text) <= budget, $"{TokenEstimator.Estimate(text)} > {budget}");
        Assert.Contains("## Abstract", text);
        Assert.Contains("## 1 Introduction", text);
        if (budget < 24_000) Assert.DoesNotContain("## Appendix", text);
        else Assert.Contains("## 8 Conclusion", text);
        Assert.All(text.Split('\n').Where(l => l.StartsWith('|')), row => Assert.Contains(row, originalRows));
    }

    [Fact]
    public void FitText_LongPlainText_CutsAfterWholeSentenceAndDropsReferences()
    {
        // Given PDF-like text: many paragraphs, then a references heading and entries
        var body = string.Join("\n\n", Enumerable.Range(0, 200).Select(i => $"Paragraph {i}. " + string.Concat(Enumerable.Repeat(Sentence, 5)).TrimEnd()));
        var text = body + "\n\nReferences\n\n[1] A. Author. A paper. 2020.";

        // When it is fitted into 500 tokens
        var fitted = ContextBudget.FitText(text, 500);

        // Then it fits, is a prefix of the text, and ends at a sentence end
        Assert.True(TokenEstimator.Estimate(fitted) <= 500);
        Assert.StartsWith(fitted, text, StringComparison.Ordinal);
        Assert.EndsWith(".", fitted, StringComparison.Ordinal);
        Assert.DoesNotContain("A. Author", fitted);
    }

    [Fact]
    public void FitText_ShortText_Unchanged()
    {
        // Given a short abstract
        var text = "A short abstract.";

        // When it is fitted
        // Then it is returned as is
        Assert.Same(text, ContextBudget.FitText(text, 100));
    }

    private static ArxivDocument Paper(params (string Number, string Heading, SectionKind Kind, int Paragraphs)[] sections) =>
        new("A Paper", [new Author("A. Author", [])], "An abstract.",
            sections.Select(s => new ArxivSection(s.Number, s.Heading, 1, s.Kind, Paragraphs(s.Paragraphs), [])).ToList());

    private static List<ArxivBlock> Paragraphs(int count) =>
        Enumerable.Range(0, count).Select(i => new ArxivBlock(BlockKind.Paragraph, $"Paragraph {i}. {Sentence}{Sentence}".TrimEnd())).ToList();

    private static IEnumerable<ArxivSection> Flatten(ArxivSection section) => new[] { section }.Concat(section.Subsections.SelectMany(Flatten));
}
