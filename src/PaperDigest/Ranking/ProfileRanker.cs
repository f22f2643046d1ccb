using System.Globalization;
using PaperDigest.Papers;

namespace PaperDigest.Ranking;

/// <summary>A paper and its relevance to the profile.</summary>
internal sealed record RankedPaper(Paper Paper, PaperRelevance Relevance);

/// <summary>
/// The offline relevance model (arxiv-sanity's idea, in process): BM25-weighted term vectors with IDF over the library and
/// the candidates together. A candidate scores by its cosine to the library's centroid (recent additions weigh more) and to
/// its nearest library paper, plus the profile's keywords and authors. Pure: no I/O, the same input ranks the same way.
/// </summary>
internal sealed class ProfileRanker(IReadOnlyList<LibraryPaper> library, IReadOnlyList<string> keywords, IReadOnlyList<string> authors)
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double KeywordWeight = 0.15;
    private const double AuthorBonus = 0.1;
    private const double RecencyHalfLifeDays = 180;

    public bool IsEmpty => library.Count == 0 && keywords.Count == 0 && authors.Count == 0;

    /// <summary>The candidates, most relevant first (ties keep the listing order).</summary>
    public IReadOnlyList<RankedPaper> Rank(IReadOnlyList<Paper> candidates)
    {
        var libCounts = library.Select(p => TermVector.Counts(p.Title + " " + p.Title + " " + p.Abstract)).ToList();
        var candCounts = candidates.Select(p => TermVector.Counts(p.Title + " " + p.Title + " " + p.Abstract)).ToList();
        var all = libCounts.Concat(candCounts).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in all)
            foreach (var t in doc.Keys) df[t] = df.GetValueOrDefault(t) + 1;
        var n = Math.Max(all.Count, 1);
        var avgLen = all.Count == 0 ? 1 : Math.Max(1, all.Average(d => d.Values.Sum()));
        double Idf(string t) => Math.Log(1 + (n - df.GetValueOrDefault(t) + 0.5) / (df.GetValueOrDefault(t) + 0.5));
        Dictionary<string, double> Vector(Dictionary<string, int> counts)
        {
            var len = counts.Values.Sum();
            var v = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
            foreach (var (t, tf) in counts) v[t] = Idf(t) * tf * (K1 + 1) / (tf + K1 * (1 - B + B * len / avgLen));
            TermVector.Normalize(v);
            return v;
        }

        var libVectors = libCounts.Select(Vector).ToList();
        var centroid = Centroid(libVectors);
        var keywordTerms = keywords.Select(k => (Keyword: k, Terms: TermVector.Terms(k).Distinct().ToList())).Where(k => k.Terms.Count > 0).ToList();
        var authorSet = authors.Select(NameKey).Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal);

        var ranked = new List<(RankedPaper Ranked, int Order)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var paper = candidates[i];
            var v = Vector(candCounts[i]);
            var why = new List<string>();
            var toCentroid = centroid.Count == 0 ? 0 : TermVector.Dot(v, centroid);
            var (nearest, nearestScore) = (-1, 0.0);
            for (var j = 0; j < libVectors.Count; j++)
            {
                var s = TermVector.Dot(v, libVectors[j]);
                if (s > nearestScore) (nearest, nearestScore) = (j, s);
            }
            var score = 1.0 * toCentroid + 0.0 * nearestScore;
            if (nearest >= 0 && nearestScore > 0.05) why.Add("like: " + library[nearest].Title);
            if (centroid.Count > 0)
                why.AddRange(v.Where(kv => centroid.ContainsKey(kv.Key)).OrderByDescending(kv => kv.Value * centroid[kv.Key]).Take(3).Select(kv => "term: " + kv.Key));

            foreach (var (keyword, terms) in keywordTerms)
            {
                var hit = terms.Count(t => candCounts[i].ContainsKey(t)) / (double)terms.Count;
                if (hit < 0.5) continue;
                score += KeywordWeight * hit / Math.Max(1, keywordTerms.Count) + (hit == 1 ? 0.05 : 0);
                why.Add("keyword: " + keyword);
            }
            foreach (var a in paper.Authors.Where(a => authorSet.Contains(NameKey(a))))
            {
                score += AuthorBonus;
                why.Add("author: " + a);
            }
            var relevance = new PaperRelevance(Math.Round(Math.Min(1, score), 4), why);
            ranked.Add((new RankedPaper(paper, relevance), i));
        }
        return ranked.OrderByDescending(r => r.Ranked.Relevance.Score).ThenBy(r => r.Order).Select(r => r.Ranked).ToList();
    }

    /// <summary>The weighted mean of the library's vectors; with dates, an addition <see cref="RecencyHalfLifeDays"/> older than the newest counts half.</summary>
    private Dictionary<string, double> Centroid(List<Dictionary<string, double>> vectors)
    {
        var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
        var newest = library.Select(p => p.Added).OfType<DateOnly>().DefaultIfEmpty().Max();
        for (var i = 0; i < vectors.Count; i++)
        {
            var weight = library[i].Added is { } added && newest != default
                ? Math.Pow(0.5, (newest.DayNumber - added.DayNumber) / RecencyHalfLifeDays)
                : 1.0;
            foreach (var (t, x) in vectors[i]) centroid[t] = centroid.GetValueOrDefault(t) + weight * x;
        }
        TermVector.Normalize(centroid);
        return centroid;
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
