using System.Text.RegularExpressions;

namespace PaperDigest.Papers;

/// <summary>Whitespace rules for text that came from arXiv or an LLM: line wraps removed, runs single-spaced.</summary>
internal static partial class Whitespace
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Runs();

    /// <summary>
    /// Collapses every run of whitespace (including arXiv's "\n  " line wraps) into one space and trims. A run that
    /// holds a line break between two Chinese characters or punctuation marks is removed instead: Chinese has no
    /// spaces between words, so a wrapped Chinese line must not gain one.
    /// </summary>
    public static string Collapse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return Runs().Replace(text, m =>
        {
            var before = m.Index > 0 ? text[m.Index - 1] : ' ';
            var after = m.Index + m.Length < text.Length ? text[m.Index + m.Length] : ' ';
            var wrapped = m.ValueSpan.IndexOfAny('\n', '\r') >= 0;
            return wrapped && IsChinese(before) && IsChinese(after) ? "" : " ";
        }).Trim();
    }

    private static bool IsChinese(char c) => Cjk.IsWide(c);
}
