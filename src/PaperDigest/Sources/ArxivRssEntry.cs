using PaperDigest.Papers;

namespace PaperDigest.Sources;

/// <summary>One item of an arXiv listing RSS feed (rss.arxiv.org/rss/&lt;categories&gt;).</summary>
internal sealed record ArxivRssEntry(
    ArxivId Id,
    string Title,
    string Abstract,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories,
    ArxivAnnounceType AnnounceType,
    DateTimeOffset? Announced,
    string? Doi);
