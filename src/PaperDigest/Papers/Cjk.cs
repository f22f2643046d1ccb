using System.Text;

namespace PaperDigest.Papers;

/// <summary>
/// The one definition of Chinese (and other CJK) characters, over runes so that the astral planes (extension B to H)
/// count as one character each. Shared by the language check, whitespace rules, the token estimate and search.
/// </summary>
internal static class Cjk
{
    /// <summary>A Chinese character: unified ideographs, extension A, compatibility ideographs, extensions B–H (planes 2 and 3).</summary>
    public static bool IsIdeograph(Rune r) => r.Value is
        (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF);

    /// <summary>Any wide CJK character: ideographs, radicals, CJK punctuation, kana, bopomofo, hangul and full-width forms.</summary>
    public static bool IsWide(Rune r) =>
        IsIdeograph(r)
        || r.Value is (>= 0x2E80 and <= 0x33FF) // radicals, ideographic description, CJK punctuation, kana, bopomofo, enclosed and compatibility forms
            or (>= 0xAC00 and <= 0xD7AF)        // hangul syllables
            or (>= 0xFE30 and <= 0xFE4F)        // CJK compatibility forms (vertical punctuation)
            or (>= 0xFF00 and <= 0xFFEF);       // full-width forms

}
