using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperDigest.Bench;

/// <summary>Whitespace rules for text that came from arXiv or an LLM: line wraps removed, runs single-spaced.</summary>
internal static partial class OldWhitespace
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
            var wrapped = m.ValueSpan.IndexOfAny('\n', '\r') >= 0;
            return wrapped && IsChinese(Rune.DecodeLastFromUtf16(text.AsSpan(0, m.Index), out var before, out _), before)
                   && IsChinese(Rune.DecodeFromUtf16(text.AsSpan(m.Index + m.Length), out var after, out _), after) ? "" : " ";
        }).Trim();
    }

    private static bool IsChinese(OperationStatus status, Rune r) => status == OperationStatus.Done && PaperDigest.Papers.Cjk.IsWide(r);
}
