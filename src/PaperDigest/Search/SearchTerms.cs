using System.Text;
using PaperDigest.Papers;

namespace PaperDigest.Search;

/// <summary>
/// A query split into terms, never passed to FTS5 as written: each term is quoted by us, so FTS syntax in the input
/// (AND, NEAR, *, parentheses, unbalanced quotes) is only text. Latin words go to the unicode61 index; Chinese (and other
/// CJK) runs of 3+ characters to the trigram index; 1-2 character CJK terms, which trigrams cannot match directly, are
/// expanded by the store into the trigrams they begin.
/// </summary>
internal sealed record SearchTerms(IReadOnlyList<string> Words, IReadOnlyList<string> Substrings, IReadOnlyList<string> Short)
{
    public const int MaxLength = 512;
    public const int MaxTerms = 24;

    public bool IsEmpty => Words.Count == 0 && Substrings.Count == 0 && Short.Count == 0;

    public IEnumerable<string> All => Words.Concat(Substrings).Concat(Short);

    /// <summary>The MATCH expression for search_words: every word quoted, all required.</summary>
    public string WordsMatch => string.Join(' ', Words.Select(Quote));

    /// <summary>Splits a query into terms; false with a reader-facing reason when it is too long or has too many terms.</summary>
    public static bool TryParse(string? text, out SearchTerms terms, out string error)
    {
        terms = new SearchTerms([], [], []);
        error = "";
        text ??= "";
        if (text.Length > MaxLength)
        {
            error = $"The query is too long ({text.Length} characters; at most {MaxLength}).";
            return false;
        }
        var words = new List<string>();
        var substrings = new List<string>();
        var shorts = new List<string>();
        foreach (var (token, cjk) in Tokens(text))
        {
            var list = !cjk ? words : token.EnumerateRunes().Count() >= 3 ? substrings : shorts;
            if (!list.Contains(token, StringComparer.OrdinalIgnoreCase)) list.Add(token);
        }
        if (words.Count + substrings.Count + shorts.Count > MaxTerms)
        {
            error = $"The query has too many words (at most {MaxTerms}).";
            return false;
        }
        terms = new SearchTerms(words, substrings, shorts);
        return true;
    }

    internal static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Runs of letters/digits, split where CJK and other scripts meet; everything else separates.</summary>
    private static IEnumerable<(string Token, bool Cjk)> Tokens(string text)
    {
        var current = new StringBuilder();
        var currentCjk = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var isWord = Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark;
            var cjk = isWord && Cjk.IsWide(rune);
            if (!isWord || (current.Length > 0 && cjk != currentCjk))
            {
                if (current.Length > 0) yield return (current.ToString(), currentCjk);
                current.Clear();
                if (!isWord) continue;
            }
            current.Append(rune.ToString());
            currentCjk = cjk;
        }
        if (current.Length > 0) yield return (current.ToString(), currentCjk);
    }

    internal static bool ContainsCjk(string text) => text.EnumerateRunes().Any(Cjk.IsWide);
}
