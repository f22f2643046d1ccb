namespace PaperDigest.Papers;

/// <summary>Character classes of Chinese (and other CJK) text, shared by the language check, whitespace rules and token estimate.</summary>
internal static class Cjk
{
    /// <summary>A Chinese character (CJK unified ideographs, extension A, compatibility ideographs).</summary>
    public static bool IsIdeograph(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>Any wide CJK character: ideographs, CJK punctuation, kana, hangul and full-width forms.</summary>
    public static bool IsWide(char c) =>
        IsIdeograph(c)
        || c is >= '\u3000' and <= '\u30FF' // CJK punctuation, hiragana, katakana
            or >= '\uAC00' and <= '\uD7AF'  // hangul syllables
            or >= '\uFF00' and <= '\uFFEF'; // full-width forms
}
