using PaperDigest.Web;

namespace PaperDigest.Tests.Web;

public sealed class SummaryHtmlRendererTests
{
    [Fact]
    public void Unsupported_NumberInsideALongerOne_OnlyTheWholeNumberMarked()
    {
        // Given: 4.4% is unsupported; 94.4% is supported and contains "4.4%"
        const string text = "Accuracy 94.4% vs <b>4.4%</b> before.";

        // When
        var html = SummaryHtmlRenderer.Unsupported(text, ["4.4%"]);

        // Then
        Assert.Equal("Accuracy 94.4% vs &lt;b&gt;<mark class=\"unsupported\" title=\"" + SummaryHtmlRenderer.UnsupportedTitle + "\">4.4%</mark>&lt;/b&gt; before.", html);
    }

    [Theory]
    [InlineData("设计了**LRA**模块", "设计了<strong>LRA</strong>模块")]
    [InlineData("a **b** c **d", "a <strong>b</strong> c d")]
    [InlineData("no stars", "no stars")]
    public void Emphasis_ModelBold_StrongOrDropped(string html, string expected) => Assert.Equal(expected, SummaryHtmlRenderer.Emphasis(html));
}
