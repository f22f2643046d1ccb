using PaperDigest.Import;
using PaperDigest.Papers;

namespace PaperDigest.Ranking;

/// <summary>
/// A labelled ranking problem built from an arXiv metadata corpus (the tests and the `rank` bench share it): papers whose
/// primary category is <c>category</c> split into a library and relevant candidates, mixed with other papers, deterministically.
/// </summary>
internal sealed record LabelledSet(IReadOnlyList<LibraryPaper> Library, IReadOnlyList<Paper> Candidates, IReadOnlySet<string> Relevant)
{
    public static async Task<LabelledSet> FromCorpusAsync(string corpus, string category, int libraryCount, int candidateCount, CancellationToken cancellationToken)
    {
        var inCategory = new List<Paper>();
        var others = new List<Paper>();
        await foreach (var line in ArxivJsonlReader.ReadAsync(corpus, cancellationToken))
        {
            if (line.Paper is not { Categories.Count: > 0 } p) continue;
            if (p.Categories[0] == category) inCategory.Add(p);
            else if (!p.Categories.Contains(category)) others.Add(p);
        }
        inCategory.Sort((a, b) => string.CompareOrdinal(a.Id.Id, b.Id.Id));
        others.Sort((a, b) => string.CompareOrdinal(a.Id.Id, b.Id.Id));
        var library = inCategory.Where((_, i) => i % 2 == 0).Take(libraryCount).ToList();
        var relevant = inCategory.Except(library).ToList();
        var step = Math.Max(1, others.Count / Math.Max(1, candidateCount - relevant.Count));
        var candidates = relevant.Concat(others.Where((_, i) => i % step == 0).Take(candidateCount - relevant.Count))
            .OrderBy(p => p.Id.Id, StringComparer.Ordinal).ToList();
        return new LabelledSet(
            library.Select(p => new LibraryPaper(p.Title, p.Abstract, p.Authors)).ToList(),
            candidates,
            relevant.Select(p => p.Id.Id).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The share of the first <paramref name="k"/> ranked papers that are relevant.</summary>
    public double PrecisionAt(int k, IEnumerable<Paper> ranked) => ranked.Take(k).Count(p => Relevant.Contains(p.Id.Id)) / (double)k;
}
