using PaperDigest.Llm;
using PaperDigest.Papers;

namespace PaperDigest.Ranking;

/// <summary>
/// Ranking by embeddings (llm.embeddings_model): the title and abstract of every library paper and candidate as a vector
/// from the endpoint, cached per paper version and model (<see cref="EmbeddingStore"/>), so a rerun asks nothing. A
/// candidate scores by its cosine to the library's recency-weighted centroid and to its nearest library paper (an old one
/// counting half), plus the profile's keywords and authors (<see cref="ProfileMatcher"/>); its why names the nearest
/// library papers. When the endpoint fails, <paramref name="unavailable"/> is told and the offline ranker ranks instead.
/// </summary>
internal sealed class EmbeddingRanker(
    IReadOnlyList<LibraryPaper> library, ProfileMatcher matcher, EmbeddingsClient embeddings, EmbeddingStore store,
    ProfileRanker offline, Action<LlmException> unavailable) : IProfileRanker
{
    /// <summary>How much the cosine to the nearest library paper counts against the cosine to the centroid.</summary>
    private const double NearestWeight = 0.5;

    /// <summary>A library paper is named ("like: ...") from this cosine on, and only within 90 % of the nearest one.</summary>
    private const double LikeFloor = 0.3;

    private const int MaxLikes = 2;

    public bool IsEmpty => offline.IsEmpty;

    public async Task<IReadOnlyList<RankedPaper>> RankAsync(IReadOnlyList<Paper> candidates, CancellationToken cancellationToken)
    {
        if (library.Count == 0 || candidates.Count == 0) return offline.Rank(candidates); // keywords and authors alone: nothing to embed
        var libraryKeys = library.Select(p => EmbeddingKey.Of(p.Id, Text(p.Title, p.Abstract))).ToList();
        var candidateKeys = candidates.Select(p => EmbeddingKey.Of(p.Id, Text(p.Title, p.Abstract))).ToList();
        IReadOnlyDictionary<EmbeddingKey, float[]> vectors;
        try
        {
            vectors = await VectorsAsync([.. libraryKeys, .. candidateKeys], cancellationToken);
        }
        catch (LlmException ex)
        {
            unavailable(ex);
            return offline.Rank(candidates);
        }
        return Rank(library, [.. libraryKeys.Select(k => vectors[k])], candidates, [.. candidateKeys.Select(k => vectors[k])], matcher);
    }

    /// <summary>The stored vectors, and the missing ones from the endpoint (then stored).</summary>
    private async Task<IReadOnlyDictionary<EmbeddingKey, float[]>> VectorsAsync(IReadOnlyList<EmbeddingKey> keys, CancellationToken cancellationToken)
    {
        var distinct = keys.Distinct().ToList();
        var found = new Dictionary<EmbeddingKey, float[]>(await store.FindAsync(embeddings.Model, distinct, cancellationToken));
        ShareWithinPaper(distinct, found);
        var missing = distinct.Where(k => !found.ContainsKey(k)).GroupBy(k => (k.Item, k.Version)).Select(g => g.Last()).ToList();
        if (missing.Count > 0)
        {
            var fresh = await embeddings.EmbedAsync([.. missing.Select(k => k.Text)], cancellationToken);
            await store.SaveAsync(embeddings.Model, [.. missing.Zip(fresh)], cancellationToken);
            foreach (var (key, vector) in missing.Zip(fresh)) found[key] = vector;
            ShareWithinPaper(distinct, found);
        }
        return found;
    }

    /// <summary>
    /// A paper version has one vector: when it comes twice with different texts (a library entry and the listing's), the
    /// text without a vector takes the other's, so one run embeds the paper once.
    /// </summary>
    private static void ShareWithinPaper(IReadOnlyList<EmbeddingKey> keys, Dictionary<EmbeddingKey, float[]> found)
    {
        var byPaper = found.GroupBy(kv => (kv.Key.Item, kv.Key.Version)).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var key in keys)
            if (!found.ContainsKey(key) && byPaper.TryGetValue((key.Item, key.Version), out var vector)) found[key] = vector;
    }

    /// <summary>What is embedded of a paper: its title and abstract, single-spaced, on two lines.</summary>
    internal static string Text(string title, string abstractText) =>
        (Whitespace.Collapse(title) + "\n" + Whitespace.Collapse(abstractText)).Trim();

    /// <summary>The scoring alone, pure: candidates (in listing order) with their vectors against the library's.</summary>
    internal static IReadOnlyList<RankedPaper> Rank(
        IReadOnlyList<LibraryPaper> library, IReadOnlyList<float[]> libraryVectors,
        IReadOnlyList<Paper> candidates, IReadOnlyList<float[]> candidateVectors, ProfileMatcher matcher)
    {
        var units = libraryVectors.Select(Unit).ToList();
        var weights = LibraryPaper.RecencyWeights(library);
        var centroid = new double[units.Count == 0 ? 0 : units[0].Length];
        for (var i = 0; i < units.Count; i++)
            for (var d = 0; d < centroid.Length && d < units[i].Length; d++) centroid[d] += weights[i] * units[i][d];
        centroid = Unit(centroid);

        var ranked = new List<RankedPaper>(candidates.Count);
        for (var c = 0; c < candidates.Count; c++)
        {
            var paper = candidates[c];
            var v = Unit(candidateVectors[c]);
            var similar = units.Select((u, i) => (Index: i, Cosine: Dot(v, u))).OrderByDescending(s => s.Cosine).ToList();
            var nearest = similar.Count == 0 ? 0 : similar[0].Cosine;
            var why = similar.TakeWhile((s, k) => k < MaxLikes && s.Cosine >= LikeFloor && s.Cosine >= 0.9 * nearest)
                .Select(s => "like: " + library[s.Index].Title).ToList();
            // The nearest paper counts by recency too: one added long ago counts half.
            var near = similar.Select(s => s.Cosine * (0.5 + 0.5 * weights[s.Index])).DefaultIfEmpty().Max();
            var score = (1 - NearestWeight) * Math.Max(0, Dot(v, centroid)) + NearestWeight * Math.Max(0, near);
            score += matcher.Match(paper, TermVector.Counts(paper.Title + " " + paper.Abstract), why);
            ranked.Add(new RankedPaper(paper, new PaperRelevance(Math.Round(Math.Clamp(score, 0, 1), 4), why)));
        }
        return RankedPaper.MostRelevantFirst(ranked);
    }

    private static double[] Unit(float[] v) => Unit(Array.ConvertAll(v, x => (double)x));

    private static double[] Unit(double[] v)
    {
        var norm = Math.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : Array.ConvertAll(v, x => x / norm);
    }

    /// <summary>The dot product; vectors of different lengths (another model's) share nothing.</summary>
    private static double Dot(double[] a, double[] b)
    {
        if (a.Length != b.Length) return 0;
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
