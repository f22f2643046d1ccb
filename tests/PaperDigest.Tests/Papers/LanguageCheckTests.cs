using PaperDigest.Papers;

namespace PaperDigest.Tests.Papers;

public sealed class LanguageCheckTests
{
    [Fact]
    public void ChineseShare_AstralExtensionBCharacters_EachCountsOnce()
    {
        // Given: four extension-B ideographs (two UTF-16 units each) and four Latin words
        const string text = "𠀀𠀁𠀂𠀃 uses four Latin words";

        // When
        var share = LanguageCheck.ChineseShare(text);

        // Then: 4 / (4 + 4), not 0 (astral characters missed) nor 8 / 12 (counted per UTF-16 unit)
        Assert.Equal(0.5, share);
    }

    [Fact]
    public void Problem_ChineseWithEnglishTerms_NoneForZh()
    {
        Assert.Null(LanguageCheck.Problem("本文提出 RingAttn，在 LongBench 上提升了准确率。", "zh"));
    }

    [Fact]
    public void Problem_EnglishForZh_SaysHowMuchIsChinese()
    {
        Assert.Equal("the prose must be written in Chinese (简体中文), but only 0% of it is Chinese",
            LanguageCheck.Problem("We propose a model.", "zh")?.Replace("0 %", "0%", StringComparison.Ordinal));
    }

    [Fact]
    public void Problem_ChineseForEn_Problem()
    {
        Assert.Equal("the prose must be written in English, but it contains Chinese", LanguageCheck.Problem("我们提出一个模型。", "en"));
    }
}
