using PaperDigest.Papers;

namespace PaperDigest.Tests.Papers;

public sealed class WhitespaceTests
{
    [Theory]
    [InlineData("ScaleCUA: Scaling Open-Source\n  Computer Use Agents", "ScaleCUA: Scaling Open-Source Computer Use Agents")]
    [InlineData("  a \t b  ", "a b")]
    [InlineData("该研究提出了ScaleCUA，\n一个跨平台的代理。", "该研究提出了ScaleCUA，一个跨平台的代理。")]
    [InlineData("中文 English 中文", "中文 English 中文")]
    [InlineData("模型\nLLM", "模型 LLM")]
    [InlineData("𠀀𠀁\n𠀂", "𠀀𠀁𠀂")] // extension B (astral) characters are Chinese too
    [InlineData("中文\r\n\u3000文", "中文文")] // a CRLF wrap with an ideographic space
    [InlineData("\u00a0a\u2028b\t\t", "a b")] // no-break space and line separator are whitespace too
    [InlineData("already single spaced", "already single spaced")]
    [InlineData(" \n ", "")]
    [InlineData(null, "")]
    public void Collapse_Text_SingleSpacedWithoutBreakingChinese(string? text, string expected) =>
        Assert.Equal(expected, Whitespace.Collapse(text));
}
