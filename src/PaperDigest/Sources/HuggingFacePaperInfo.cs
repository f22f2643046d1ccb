using PaperDigest.Papers;

namespace PaperDigest.Sources;

/// <summary>What Hugging Face knows about one arXiv paper (GET {HF_ENDPOINT}/api/papers/&lt;id&gt;).</summary>
internal sealed record HuggingFacePaperInfo(
    ArxivId Id,
    string? Title,
    string? GithubRepo,
    int? GithubStars,
    int? Upvotes,
    string? ProjectPage,
    string? AiSummary,
    IReadOnlyList<string> AiKeywords);
