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

    [Fact]
    public void Characters_EveryUtf16Unit_AreExactlyWhatCharIsWhiteSpaceAccepts()
    {
        var differ = Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i)
            .Where(c => Whitespace.Characters.Contains(c) != char.IsWhiteSpace(c)).Select(c => $"U+{(int)c:X4}").ToList();
        Assert.Empty(differ);
    }

    [Fact]
    public void Collapse_EveryWhitespaceCharacterInRuns_SameAsACharByCharCollapse()
    {
        // Each whitespace character, alone and in runs, between words, Chinese and at the ends: the vectorized scan must
        // give what testing each character with char.IsWhiteSpace gives
        var spaces = Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(char.IsWhiteSpace).ToList();
        foreach (var space in spaces)
            foreach (var text in new[] { $"a{space}b", $"{space}a{space}{space}b{space}", $"中{space}\n文", $"中{space}文", $"a {space}b", $"{space}", $"x{space}" })
                Assert.Equal(CharByChar(text), Whitespace.Collapse(text));
    }

    /// <summary>The rule written the slow way, one character at a time.</summary>
    private static string CharByChar(string text)
    {
        var words = new List<(string Word, bool WrappedBefore)>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var wrapped = false;
            while (i < text.Length && char.IsWhiteSpace(text[i])) wrapped |= text[i++] is '\n' or '\r';
            var word = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i > word) words.Add((text[word..i], wrapped && start < word && words.Count > 0));
        }
        var result = new System.Text.StringBuilder();
        for (var w = 0; w < words.Count; w++)
        {
            if (w > 0 && !(words[w].WrappedBefore && Cjk.IsWide(System.Text.Rune.GetRuneAt(words[w - 1].Word, words[w - 1].Word.Length - (char.IsLowSurrogate(words[w - 1].Word[^1]) ? 2 : 1)))
                                              && Cjk.IsWide(System.Text.Rune.GetRuneAt(words[w].Word, 0))))
                result.Append(' ');
            result.Append(words[w].Word);
        }
        return result.ToString();
    }
}
