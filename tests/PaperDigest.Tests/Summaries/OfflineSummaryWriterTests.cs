using PaperDigest.Papers;
using PaperDigest.Summaries;

namespace PaperDigest.Tests.Summaries;

public sealed class OfflineSummaryWriterTests
{
    private static Paper Paper(string title, string abstractText) => new(new ArxivId("2601.00001", null), title, abstractText, ["A"], null, []);

    [Fact]
    public async Task WriteAsync_Keywords_EveryFieldFilledLabelledAndQuotedFromTheAbstract()
    {
        // Given
        const string abs = "Large models struggle with long contexts. We propose RingAttn, a method that shards attention. Experiments show RingAttn improves accuracy by 12.5% on LongBench. We release code.";
        var paper = Paper("RingAttn: Sharded Attention", abs);

        // When
        var written = await new OfflineSummaryWriter().WriteAsync(new SummaryInput(paper, "Abs", abs), SummaryStyles.Keywords, "zh", CancellationToken.None);

        // Then
        Assert.True(written.Ok);
        Assert.Contains("RingAttn", written.Fields["keywords"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.StartsWith(OfflineSummaryWriter.Label("zh"), written.Fields["one_sentence_summary"]!.GetValue<string>());
        Assert.Equal("Experiments show RingAttn improves accuracy by 12.5% on LongBench.", written.Fields["main_results"]!.GetValue<string>());
        Assert.Equal("Large models struggle with long contexts.", written.Fields["research_question"]!.GetValue<string>());
        Assert.Empty(NumberCheck.FindUnsupported(SummaryText.Of(written.Fields), abs));
    }

    [Fact]
    public async Task WriteAsync_NoCapitalisedTerms_KeywordsFallBackToTitle()
    {
        const string abs = "we study things. results are good.";
        var written = await new OfflineSummaryWriter().WriteAsync(new SummaryInput(Paper("a study of things", abs), "Abs", abs), SummaryStyles.Keywords, "en", CancellationToken.None);
        Assert.Equal(["a study of things"], written.Fields["keywords"]!.AsArray().Select(k => k!.GetValue<string>()));
    }

    [Fact]
    public async Task WriteAsync_EmptyAbstract_FailedWithReason()
    {
        var written = await new OfflineSummaryWriter().WriteAsync(new SummaryInput(Paper("T", ""), "Abs", ""), SummaryStyles.Brief, "en", CancellationToken.None);
        Assert.False(written.Ok);
        Assert.Contains("no abstract", written.Error);
    }
}
