using PaperDigest.Papers;
using PaperDigest.Sources;

namespace PaperDigest.Tracker;

/// <summary>One paper in a tracker table.</summary>
/// <param name="Abstract">The abstract in the configured language (translated or not).</param>
/// <param name="AbstractOriginal">The arXiv abstract when <paramref name="Abstract"/> is a translation; otherwise null.</param>
/// <param name="Stars">The code repository's GitHub stars when known (papers.json only; the Markdown table has no column for them).</param>
internal sealed record TrackerRow(
    ArxivId Id,
    string Title,
    DateOnly Published,
    string? CodeUrl,
    string Abstract,
    string? AbstractOriginal = null,
    int? Stars = null)
{
    /// <summary>
    /// A row for an arXiv result: its first-version date, and the code link found in its abstract and comment
    /// unless <paramref name="codeUrl"/> (e.g. from <see cref="CodeLinkFinder.Find"/> with HF's repo) says better.
    /// </summary>
    public static TrackerRow FromEntry(ArxivEntry entry, string? codeUrl = null, string? translatedAbstract = null) => new(
        entry.Id,
        entry.Title,
        DateOnly.FromDateTime(entry.Published.UtcDateTime),
        codeUrl ?? CodeLinkFinder.Find(null, entry.Summary, entry.Comment),
        translatedAbstract ?? entry.Summary,
        translatedAbstract is null ? null : entry.Summary);
}
