using PaperDigest.Reading;

namespace PaperDigest.Tests.Reading;

public sealed class TokenEstimatorTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abcd", 1)]
    [InlineData("abcde", 2)]
    [InlineData("准确率达到", 5)]
    [InlineData("准确率 accuracy", 3 + 3)]
    [InlineData("ひらがなカタカナ한국어，", 12)]
    [InlineData("𠀀𠀁𠀂𠀃", 4)] // extension B: one rune each, not eight UTF-16 units
    public void Estimate_Text_CountsCjkOneEachAndOtherByFour(string text, int expected)
    {
        // Given a text
        // When its tokens are estimated
        var tokens = TokenEstimator.Estimate(text);

        // Then CJK characters count one each and the rest a quarter, rounded up
        Assert.Equal(expected, tokens);
    }
}
