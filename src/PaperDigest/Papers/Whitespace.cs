using System.Text.RegularExpressions;

namespace PaperDigest.Papers;

/// <summary>Whitespace rules for text that came from arXiv: line wraps removed, runs single-spaced.</summary>
internal static partial class Whitespace
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Runs();

    /// <summary>Collapses every run of whitespace (including arXiv's "\n  " line wraps) into one space and trims.</summary>
    public static string Collapse(string? text) => string.IsNullOrEmpty(text) ? "" : Runs().Replace(text, " ").Trim();
}
