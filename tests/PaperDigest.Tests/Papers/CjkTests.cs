using System.Text;
using PaperDigest.Papers;

namespace PaperDigest.Tests.Papers;

public sealed class CjkTests
{
    [Theory]
    [InlineData(0x4E2D)]  // 中
    [InlineData(0x3400)]  // extension A
    [InlineData(0x20000)] // 𠀀 extension B, astral
    [InlineData(0x2A6DF)] // end of extension B
    [InlineData(0x30000)] // extension G
    public void IsIdeograph_ChineseCharacters_True(int codePoint) => Assert.True(Cjk.IsIdeograph(new Rune(codePoint)));

    [Theory]
    [InlineData('a')]
    [InlineData('の')] // kana: wide, not an ideograph
    [InlineData('，')] // full-width comma
    public void IsIdeograph_Others_False(char c) => Assert.False(Cjk.IsIdeograph(new Rune(c)));

    [Theory]
    [InlineData('の')]
    [InlineData('，')]
    [InlineData('。')]
    [InlineData('한')]
    public void IsWide_KanaPunctuationHangul_True(char c) => Assert.True(Cjk.IsWide(new Rune(c)));
}
