using PaperDigest.Papers;

namespace PaperDigest.Sources;

/// <summary>One paper from the arXiv query API. Title and summary are single-spaced.</summary>
internal sealed record ArxivEntry(
    ArxivId Id,
    string Title,
    string Summary,
    IReadOnlyList<Author> Authors,
    DateTimeOffset Published,
    DateTimeOffset Updated,
    string? PrimaryCategory,
    IReadOnlyList<string> Categories,
    string? Comment,
    string? JournalRef,
    string? Doi,
    string? AbsUrl,
    string? PdfUrl)
{
    /// <summary>The domain view of this entry; code links, stars and upvotes come from elsewhere.</summary>
    public Paper ToPaper() => new(
        Id,
        Title,
        Summary,
        Authors.Select(a => a.Name).ToList(),
        DateOnly.FromDateTime(Published.UtcDateTime),
        Categories,
        Comment);
}
