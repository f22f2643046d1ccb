using PaperDigest.Papers;
using PaperDigest.Reading;
using PaperDigest.Summaries;

namespace PaperDigest.Tests.Summaries;

public sealed class PaperTextSourceTests
{
    [Fact]
    public void Abstract_FiveMegabyteAbstract_IsCutToTheTokenBudget()
    {
        // Given: a 5 MB abstract (it once went to the LLM whole: 1.67 M tokens).
        var sentence = "We measure 94.4% accuracy on the benchmark with a careful method. ";
        var huge = string.Concat(Enumerable.Repeat(sentence, 5_000_000 / sentence.Length));
        var paper = new Paper(new ArxivId("2601.00001", 1), "A long abstract", huge, ["A. Author"], new DateOnly(2026, 1, 1), ["cs.CL"]);

        // When
        var input = PaperTextSource.Abstract(paper, 24_000);

        // Then
        Assert.True(huge.Length > 4_900_000);
        Assert.InRange(TokenEstimator.Estimate(input.Text), 20_000, 24_000);
        Assert.StartsWith("We measure 94.4% accuracy", input.Text);
        Assert.Equal("Abs", input.SourceLabel);
    }

    [Fact]
    public void Abstract_ShortAbstract_IsKeptWhole()
    {
        // Given
        var paper = new Paper(new ArxivId("2601.00002", 1), "Short", "We add numbers. It works.", [], null, []);

        // When
        var input = PaperTextSource.Abstract(paper, 24_000);

        // Then
        Assert.Equal("We add numbers. It works.", input.Text);
    }
}
