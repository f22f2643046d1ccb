using System.Globalization;
using PaperDigest.Papers;

namespace PaperDigest.Ranking;

/// <summary>
/// The profile's keywords and authors, as both rankers count them: a keyword adds when at least half its terms occur in
/// the paper (more when all do), an author of the profile adds a fixed bonus; each match is named in the paper's why.
/// </summary>
internal sealed class ProfileMatcher
{
    private const double KeywordWeight = 0.15;
    private const double WholeKeywordBonus = 0.05;
    private const double AuthorBonus = 0.1;

    private readonly List<(string Keyword, List<string> Terms)> _keywords;
    private readonly HashSet<string> _authors;

    public ProfileMatcher(IReadOnlyList<string> keywords, IReadOnlyList<string> authors)
    {
        _keywords = keywords.Select(k => (Keyword: k, Terms: TermVector.Terms(k).Distinct().ToList())).Where(k => k.Terms.Count > 0).ToList();
        _authors = authors.Select(NameKey).Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>What the paper's keywords and authors add to its score; the matches are appended to <paramref name="why"/>.</summary>
    /// <param name="terms">The paper's terms (<see cref="TermVector.Counts"/> of its title and abstract).</param>
    public double Match(Paper paper, IReadOnlyDictionary<string, int> terms, List<string> why)
    {
        var score = 0.0;
        foreach (var (keyword, keywordTerms) in _keywords)
        {
            var hit = keywordTerms.Count(terms.ContainsKey) / (double)keywordTerms.Count;
            if (hit < 0.5) continue;
            score += KeywordWeight * hit / Math.Max(1, _keywords.Count) + (hit == 1 ? WholeKeywordBonus : 0);
            why.Add("keyword: " + keyword);
        }
        foreach (var a in paper.Authors.Where(a => _authors.Contains(NameKey(a))))
        {
            score += AuthorBonus;
            why.Add("author: " + a);
        }
        return score;
    }

    /// <summary>"Sergey Levine", "S. Levine" and "Levine, Sergey" compare alike: the last name and the first initial.</summary>
    internal static string NameKey(string name)
    {
        var parts = name.Contains(',', StringComparison.Ordinal)
            ? name.Split(',', 2, StringSplitOptions.TrimEntries).Reverse().SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray()
            : name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return "";
        var last = parts[^1].ToLower(CultureInfo.InvariantCulture);
        return parts.Length == 1 ? last : char.ToLowerInvariant(parts[0][0]) + " " + last;
    }
}
