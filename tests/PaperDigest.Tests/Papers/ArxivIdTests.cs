using PaperDigest.Papers;

namespace PaperDigest.Tests.Papers;

public sealed class ArxivIdTests
{
    [Theory]
    [InlineData("2509.15221", "2509.15221", null)]
    [InlineData("2509.15221v2", "2509.15221", 2)]
    [InlineData("https://arxiv.org/abs/2509.15221v3", "2509.15221", 3)]
    [InlineData("http://arxiv.org/pdf/2509.15221.pdf", "2509.15221", null)]
    [InlineData("astro-ph/0601001v1", "astro-ph/0601001", 1)]
    [InlineData("arXiv:1707.08567", "1707.08567", null)]
    public void TryParse_KnownForms_SplitsIdAndVersion(string text, string id, int? version)
    {
        // Given / When
        var ok = ArxivId.TryParse(text, out var parsed);

        // Then
        Assert.True(ok);
        Assert.Equal(id, parsed!.Id);
        Assert.Equal(version, parsed.Version);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("12345.678")]
    public void TryParse_NotAnId_ReturnsFalse(string text) => Assert.False(ArxivId.TryParse(text, out _));

    [Theory]
    [InlineData("2509.15221v99999999999")]
    [InlineData("2509.15221v2147483648")]
    [InlineData("2509.15221v\u0662")]
    [InlineData("2509.15221v\uFF12")]
    [InlineData("\u0662\u0665\u0660\u0669.15221")]
    [InlineData("２５０９.１５２２１")]
    public void TryParse_OverflowingOrNonAsciiDigits_ReturnsFalseWithoutThrowing(string text)
    {
        // Given a version too large for an int, or digits that are not ASCII
        // When it is parsed
        var ok = ArxivId.TryParse(text, out var id);

        // Then it is not an id, and nothing throws
        Assert.False(ok);
        Assert.Null(id);
    }

    [Fact]
    public void Parse_OverflowingVersion_ThrowsFormatExceptionNamingTheText()
    {
        // Given / When / Then
        var ex = Assert.Throws<FormatException>(() => ArxivId.Parse("2509.15221v99999999999"));
        Assert.Contains("2509.15221v99999999999", ex.Message, StringComparison.Ordinal);
    }
}
