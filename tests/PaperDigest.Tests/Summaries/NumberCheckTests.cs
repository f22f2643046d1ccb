using PaperDigest.Reading;
using PaperDigest.Summaries;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Summaries;

public sealed class NumberCheckTests
{
    private const string Source =
        "Our model reaches 94.4% accuracy on GSM8K, 57.76 on MATH and runs 5.7× faster. We collect 10,497 examples " +
        "and train 1.5B and 32B models on 3.2k prompts. Section 3.2 describes training in 2024.";

    [Fact]
    public void FindUnsupported_NumbersInSource_ReturnsNothing()
    {
        // Given a summary that only repeats the paper's numbers
        var summary = "Accuracy 94.4%, MATH 57.76, 5.7x faster, 10,497 examples, 1.5B and 32B models, 3.2k prompts.";

        // When it is checked
        var unsupported = NumberCheck.FindUnsupported(summary, Source);

        // Then every number is found
        Assert.Empty(unsupported);
    }

    [Fact]
    public void FindUnsupported_InventedNumbers_ReturnsThemOnceInOrder()
    {
        // Given a summary with two invented numbers, one of them twice
        var summary = "It scores 87.6% (up from 94.4%) and is 3.1× faster; 87.6% is a record, on 12,000 examples.";

        // When it is checked
        var unsupported = NumberCheck.FindUnsupported(summary, Source);

        // Then the inventions are reported as written, once each
        Assert.Equal(["87.6%", "3.1×", "12,000"], unsupported);
    }

    [Fact]
    public void FindUnsupported_NumberInsideLongerSourceNumber_IsUnsupported()
    {
        // Given a source that only has 94.4 and 1057.76
        var source = "accuracy 94.4 and 1057.76 tokens";

        // When 4.4 and 57.76 are checked
        var unsupported = NumberCheck.FindUnsupported("gains of 4.4 points and 57.76 tokens", source);

        // Then neither is found inside the longer numbers
        Assert.Equal(["4.4", "57.76"], unsupported);
    }

    [Theory]
    [InlineData("94.4 %")]
    [InlineData("94.4％")]
    [InlineData("９４．４％")]
    [InlineData("94.40%")]
    public void FindUnsupported_PercentWritings_MatchSource(string stated)
    {
        // Given the same percentage written another way
        var summary = $"Accuracy reaches {stated} overall.";

        // When it is checked against a source with 94.4%
        var unsupported = NumberCheck.FindUnsupported(summary, Source);

        // Then it is found
        Assert.Empty(unsupported);
    }

    [Theory]
    [InlineData("5.7×", "runs 5.7x faster")]
    [InlineData("5.7 ×", "runs 5.7× faster")]
    [InlineData("5.7x", "a $5.7\\times$ speed-up")]
    [InlineData("10497 examples", "10,497 examples")]
    [InlineData("10,497 examples", "10\\,497 examples")]
    [InlineData("3.2k prompts", "3,200 prompts")]
    [InlineData("1.5B parameters", "1.5 billion parameters")]
    [InlineData("94.4%", "an accuracy of $94.4\\%$")]
    public void FindUnsupported_Normalisations_MatchSource(string stated, string source)
    {
        // Given a number written differently in summary and source
        var summary = $"The result: {stated}.";

        // When it is checked
        var unsupported = NumberCheck.FindUnsupported(summary, source);

        // Then it is found
        Assert.Empty(unsupported);
    }

    [Fact]
    public void FindUnsupported_RoundedValue_IsSupported()
    {
        // Given a summary that rounds 57.76 to one decimal
        var unsupported = NumberCheck.FindUnsupported("MATH score 57.8.", Source);

        // Then the rounding is accepted
        Assert.Empty(unsupported);
    }

    [Fact]
    public void FindUnsupported_ChineseSentence_FindsNumbers()
    {
        // Given a Chinese summary with one real and one invented number
        var summary = "该方法在GSM8K上准确率达到**94.4%**，提升了26.6个百分点。";

        // When it is checked
        var unsupported = NumberCheck.FindUnsupported(summary, Source);

        // Then only the invented one is reported
        Assert.Equal(["26.6"], unsupported);
    }

    [Theory]
    [InlineData("Published in 2023, the method was revised in 2025.")]
    [InlineData("See Section 4.5 and Table 14 for details.")]
    [InlineData("如表 12 和图13所示，第15节给出证明。")]
    [InlineData("Eq. (17) and Figure 21 show it.")]
    [InlineData("Three steps: 1) collect, (2) filter, 3) train on 7 GPUs.")]
    [InlineData("12. First item\n13. Second item")]
    [InlineData("Paper: https://arxiv.org/abs/2501.11120v1 and [code](https://github.com/x/y/tree/v12.3).")]
    [InlineData("See arXiv:2501.11120 for the details.")]
    public void FindUnsupported_YearsReferencesMarkersSmallCounts_AreIgnored(string summary)
    {
        // Given numbers that are not results
        // When they are checked against a source without them
        var unsupported = NumberCheck.FindUnsupported(summary, "nothing numeric here");

        // Then none is reported
        Assert.Empty(unsupported);
    }

    [Fact]
    public void FindUnsupported_ModelNamesAndLargeBareIntegers_OnlyChecksResults()
    {
        // Given a model name with digits and a count above 10
        var unsupported = NumberCheck.FindUnsupported("GPT-4o solved 37 of the tasks.", "GPT-4o was evaluated.");

        // Then the count is checked and the model name is not
        Assert.Equal(["37"], unsupported);
    }

    [FixtureFact]
    public void FindUnsupported_RealPaperText_FlagsOnlyTheInvention()
    {
        // Given the text read from the real 2508.08468v6 page, and a Chinese summary of it with one invented number
        var source = ArxivTextRenderer.Render(ArxivHtmlReader.Read(Fixtures.Read("arxiv_html/arxiv_html_2508.08468v6.html")).Value!);
        var summary = "压缩使负载减少高达**80×**；模型2有603,564个参数，执行时间550 ms；公共5G时延为54.4–73 ms，感知质量提升**92.1%**。";

        // When it is checked and marked
        var unsupported = NumberCheck.FindUnsupported(summary, source);
        var marked = NumberCheck.Mark(summary, unsupported);

        // Then only the invention is flagged
        Assert.Equal(["92.1%"], unsupported);
        Assert.EndsWith("感知质量提升**92.1%⚠**。", marked, StringComparison.Ordinal);
    }

    [Fact]
    public void Mark_UnsupportedNumbers_AppendsWarningAfterEachOccurrence()
    {
        // Given a rendered summary with an unsupported number twice and a supported one
        var text = "**87.6%** accuracy vs 94.4% before; 87.6 % is new. 準確率８７．６％";

        // When it is marked
        var marked = NumberCheck.Mark(text, ["87.6%"]);

        // Then every occurrence of 87.6% carries the warning right after it
        Assert.Equal("**87.6%⚠** accuracy vs 94.4% before; 87.6 %⚠ is new. 準確率８７．６％⚠", marked);
    }

    [Fact]
    public void Mark_NumberAlsoInLink_LeavesLinkIntact()
    {
        // Given an unsupported number that also appears inside a link
        var text = "Score 23.5 ([paper](https://example.org/23.5)).";

        // When it is marked
        var marked = NumberCheck.Mark(text, ["23.5"]);

        // Then only the stated number is marked
        Assert.Equal("Score 23.5⚠ ([paper](https://example.org/23.5)).", marked);
    }

    [Fact]
    public void Mark_NothingUnsupported_ReturnsTextUnchanged()
    {
        // Given nothing to mark
        var text = "Accuracy 94.4%.";

        // When it is marked
        var marked = NumberCheck.Mark(text, []);

        // Then the text is unchanged
        Assert.Same(text, marked);
    }
}
