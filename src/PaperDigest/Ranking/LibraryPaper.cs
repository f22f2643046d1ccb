using PaperDigest.Papers;

namespace PaperDigest.Ranking;

/// <summary>
/// One paper of the reader's library: its text, where the export says when it was added (recent ones weigh more), and its
/// arXiv id when known (a liked paper from the store), which lets its embedding be shared with the listing's.
/// </summary>
internal sealed record LibraryPaper(string Title, string Abstract, IReadOnlyList<string> Authors, DateOnly? Added = null, ArxivId? Id = null)
{
    /// <summary>An addition this many days older than the newest counts half.</summary>
    public const double RecencyHalfLifeDays = 180;

    /// <summary>Each paper's weight in the library's centroid: 1 for the newest (and for all when no dates are known), halving every <see cref="RecencyHalfLifeDays"/>.</summary>
    public static double[] RecencyWeights(IReadOnlyList<LibraryPaper> library)
    {
        var newest = library.Select(p => p.Added).OfType<DateOnly>().DefaultIfEmpty().Max();
        return library.Select(p => p.Added is { } added && newest != default
            ? Math.Pow(0.5, (newest.DayNumber - added.DayNumber) / RecencyHalfLifeDays)
            : 1.0).ToArray();
    }
}
