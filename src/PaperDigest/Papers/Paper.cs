namespace PaperDigest.Papers;

/// <summary>One paper as PaperDigest knows it, merged from every source that mentioned it.</summary>
internal sealed record Paper(
    ArxivId Id,
    string Title,
    string Abstract,
    IReadOnlyList<string> Authors,
    DateOnly? Published,
    IReadOnlyList<string> Categories,
    string? Comment = null,
    string? CodeUrl = null,
    int? GithubStars = null,
    int? Upvotes = null,
    string? AiSummary = null,
    IReadOnlyList<string>? AiKeywords = null);
