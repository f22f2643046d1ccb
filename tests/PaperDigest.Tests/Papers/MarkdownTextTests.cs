using PaperDigest.Papers;

namespace PaperDigest.Tests.Papers;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("提出了**ScaleCUA**模型", "提出了**ScaleCUA**模型")]
    [InlineData("设计了一个**logit引导重注意力（LRA）**模块", "设计了一个logit引导重注意力（LRA）模块")]
    [InlineData("（**LRA**）模块", "（**LRA**）模块")]
    [InlineData("a **b** c **d", "a **b** c d")]
    [InlineData("x * y _z_ `c`", @"x \* y \_z\_ \`c\`")]
    [InlineData("<b>x</b> & [l](javascript:1)", @"&lt;b&gt;x&lt;/b&gt; &amp; \[l\](javascript:1)")]
    [InlineData("line\n# heading", "line # heading")]
    [InlineData("# heading", @"\# heading")]
    [InlineData("1. one", @"1\. one")]
    [InlineData("60.6% on X", "60.6% on X")]
    [InlineData("{{ site.time }} {% raw %}", "&#123;{ site.time }} &#123;% raw %}")]
    public void ModelLine_ModelText_WellFormedAndInert(string text, string expected) => Assert.Equal(expected, MarkdownText.ModelLine(text));

    [Theory]
    [InlineData("GPT-4o*", @"GPT-4o\*")]
    [InlineData("**课程学习**", "课程学习")]
    [InlineData("<i>x</i>", "&lt;i&gt;x&lt;/i&gt;")]
    public void KeywordItem_ModelKeyword_Literal(string text, string expected) => Assert.Equal(expected, MarkdownText.KeywordItem(text));

    [Theory]
    [InlineData(@"$\sqrt{{\mu}U}$ a|b [x](y)", @"$\sqrt&#123;{\mu}U}$ a\|b \[x\](y)")]
    [InlineData("{{{", "&#123;&#123;{")]
    public void TableCell_AbstractText_NoLiquidNoLinkNoPipe(string text, string expected) => Assert.Equal(expected, MarkdownText.TableCell(text));
}
