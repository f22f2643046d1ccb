using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace PaperDigest.Papers;

/// <summary>Whitespace rules for text that came from arXiv or an LLM: line wraps removed, runs single-spaced.</summary>
internal static class Whitespace
{
    /// <summary>
    /// Collapses every run of whitespace (including arXiv's "\n  " line wraps) into one space and trims. A run that
    /// holds a line break between two Chinese characters or punctuation marks is removed instead: Chinese has no
    /// spaces between words, so a wrapped Chinese line must not gain one. Whitespace is what char.IsWhiteSpace says
    /// (the same set as the regex class \s). One pass without a regex: `import` collapses every abstract it reads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Collapse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = text.AsSpan();
        if (IsCollapsed(s)) return text;
        var buffer = ArrayPool<char>.Shared.Rent(s.Length);
        try
        {
            var length = 0;
            var i = 0;
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            while (i < s.Length)
            {
                var word = i;
                while (i < s.Length && !char.IsWhiteSpace(s[i])) i++;
                s[word..i].CopyTo(buffer.AsSpan(length));
                length += i - word;
                var run = i;
                var wrapped = false;
                for (; i < s.Length && char.IsWhiteSpace(s[i]); i++) wrapped |= s[i] is '\n' or '\r';
                if (i == s.Length) break; // a trailing run is trimmed
                if (wrapped && IsChinese(Rune.DecodeLastFromUtf16(s[..run], out var before, out _), before)
                    && IsChinese(Rune.DecodeFromUtf16(s[i..], out var after, out _), after)) continue;
                buffer[length++] = ' ';
            }
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>True when the text holds no whitespace but single spaces between other characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsCollapsed(ReadOnlySpan<char> s)
    {
        if (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])) return false;
        for (var i = 1; i < s.Length - 1; i++)
            if (char.IsWhiteSpace(s[i]) && (s[i] != ' ' || s[i + 1] == ' ')) return false;
        return true;
    }

    private static bool IsChinese(OperationStatus status, Rune r) => status == OperationStatus.Done && Cjk.IsWide(r);
}
