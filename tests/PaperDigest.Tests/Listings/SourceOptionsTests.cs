using PaperDigest.Listings;

namespace PaperDigest.Tests.Listings;

public sealed class SourceOptionsTests
{
    [Theory]
    [InlineData("2026-02-03")]
    [InlineData("2026-13-99")]
    public void Validate_NameShapedLikeADay_IsRefused(string name)
    {
        // Given a source named like a day, which would stand where the reader's Hugging Face day /daily/<date> does
        var source = new SourceOptions { Name = name, ArxivCategories = ["cs.RO"] };

        // When it is validated
        var problems = source.Validate().ToList();

        // Then it is refused, naming the key and why
        Assert.Contains(problems, p => p.StartsWith($"sources[].name '{name}' looks like a day", StringComparison.Ordinal));
        Assert.False(SourceOptions.IsName(name));
    }

    [Theory]
    [InlineData("robotics", true)]
    [InlineData("cs-ro_2026", true)]
    [InlineData("20260203", true)]
    [InlineData("Robotics", false)]
    [InlineData("../etc", false)]
    [InlineData("", false)]
    public void IsName_Names_FollowTheFolderRule(string name, bool expected)
    {
        // Given a name
        // When it is checked
        // Then only lower-case folder names that are not days pass
        Assert.Equal(expected, SourceOptions.IsName(name));
    }
}
