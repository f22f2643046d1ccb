using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace PaperDigest.Papers;

/// <summary>Whitespace rules for text that came from arXiv or an LLM: line wraps removed, runs single-spaced.</summary>
internal static class Whitespace
{
    /// <summary>
    /// Every character char.IsWhiteSpace accepts (the regex class \s too), for vectorized searches: a scan of an abstract
    /// jumps from space to space instead of testing each character (import collapses every title and abstract it reads).
    /// </summary>
    internal static readonly SearchValues<char> Characters = SearchValues.Create(
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

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
            var i = s.IndexOfAnyExcept(Characters);
            if (i < 0) return "";
            while (true)
            {
                var wordLength = s[i..].IndexOfAny(Characters);
                if (wordLength < 0) wordLength = s.Length - i;
                s.Slice(i, wordLength).CopyTo(buffer.AsSpan(length));
                length += wordLength;
                var run = i + wordLength;
                var runLength = s[run..].IndexOfAnyExcept(Characters);
                if (runLength < 0) break; // a trailing run (or none) is trimmed
                i = run + runLength;
                var wrapped = s.Slice(run, runLength).IndexOfAny('\n', '\r') >= 0;
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
        for (var i = s.IndexOfAny(Characters); i >= 0; )
        {
            if (s[i] != ' ' || char.IsWhiteSpace(s[i + 1])) return false;
            var next = s[(i + 1)..].IndexOfAny(Characters);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return true;
    }

    private static bool IsChinese(OperationStatus status, Rune r) => status == OperationStatus.Done && Cjk.IsWide(r);
}
