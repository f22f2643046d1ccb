using System.Text;

namespace PaperDigest.Papers;

/// <summary>
/// Tells whether prose is written in the asked language. Chinese technical prose keeps English terms (model names,
/// benchmarks), so it is judged by the share of CJK characters among CJK characters plus Latin words.
/// </summary>
internal static class LanguageCheck
{
    /// <summary>Share of Chinese characters (runes, see <see cref="Cjk"/>) among (those + Latin words); 0 for text with neither.</summary>
    public static double ChineseShare(string text)
    {
        int cjk = 0, latinWords = 0;
        var inWord = false;
        foreach (var r in text.EnumerateRunes())
        {
            if (Cjk.IsIdeograph(r)) { cjk++; inWord = false; }
            else if (r.Value is >= 'a' and <= 'z' or >= 'A' and <= 'Z') { if (!inWord) latinWords++; inWord = true; }
            else inWord = false;
        }
        return cjk + latinWords == 0 ? 0 : (double)cjk / (cjk + latinWords);
    }

    /// <summary>Null when the text is in <paramref name="lang"/>, else a sentence saying what is wrong (for the retry prompt).</summary>
    public static string? Problem(string text, string lang)
    {
        if (text.Length == 0) return null;
        var share = ChineseShare(text);
        return lang switch
        {
            "zh" when share < 0.5 => $"the prose must be written in Chinese (简体中文), but only {share:P0} of it is Chinese",
            "en" when share > 0.05 => "the prose must be written in English, but it contains Chinese",
            _ => null,
        };
    }
}
