using PaperDigest.Papers;

namespace PaperDigest.Ranking;

/// <summary>A paper and its relevance to the profile.</summary>
internal sealed record RankedPaper(Paper Paper, PaperRelevance Relevance)
{
    /// <summary>Papers given in listing order, most relevant first; ties keep the listing order (the sort is stable).</summary>
    public static IReadOnlyList<RankedPaper> MostRelevantFirst(IEnumerable<RankedPaper> inListingOrder) =>
        inListingOrder.OrderByDescending(r => r.Relevance.Score).ToList();
}
