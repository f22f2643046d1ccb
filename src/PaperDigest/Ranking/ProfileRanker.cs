using PaperDigest.Papers;

namespace PaperDigest.Ranking;

/// <summary>
/// The offline relevance model (arxiv-sanity's idea, in process): BM25-weighted term vectors with IDF over the library and
/// the candidates together. A candidate scores by its cosine to the library's centroid (recent additions weigh more) and to
/// its nearest library paper, plus the profile's keywords and authors. Pure: no I/O, the same input ranks the same way.
/// </summary>
internal sealed class ProfileRanker(IReadOnlyList<LibraryPaper> library, IReadOnlyList<string> keywords, IReadOnlyList<string> authors) : IProfileRanker
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    public bool IsEmpty => library.Count == 0 && keywords.Count == 0 && authors.Count == 0;

    public Task<IReadOnlyList<RankedPaper>> RankAsync(IReadOnlyList<Paper> candidates, CancellationToken cancellationToken) => Task.FromResult(Rank(candidates));

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
        var matcher = new ProfileMatcher(keywords, authors);

        var ranked = new List<RankedPaper>(candidates.Count);
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

            score += matcher.Match(paper, candCounts[i], why);
            var relevance = new PaperRelevance(Math.Round(Math.Min(1, score), 4), why);
            ranked.Add(new RankedPaper(paper, relevance));
        }
        return RankedPaper.MostRelevantFirst(ranked);
    }

    /// <summary>The weighted mean of the library's vectors (<see cref="LibraryPaper.RecencyWeights"/>: recent additions weigh more).</summary>
    private Dictionary<string, double> Centroid(List<Dictionary<string, double>> vectors)
    {
        var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
        var weights = LibraryPaper.RecencyWeights(library);
        for (var i = 0; i < vectors.Count; i++)
            foreach (var (t, x) in vectors[i]) centroid[t] = centroid.GetValueOrDefault(t) + weights[i] * x;
        TermVector.Normalize(centroid);
        return centroid;
    }
}
