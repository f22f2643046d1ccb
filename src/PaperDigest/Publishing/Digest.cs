using PaperDigest.Papers;
using PaperDigest.Summaries;

namespace PaperDigest.Publishing;

/// <summary>One paper of a digest with its summary per style (a style may be missing when it was not asked for).</summary>
internal sealed record DigestEntry(Paper Paper, IReadOnlyDictionary<string, StoredSummary> Summaries, PaperRelevance? Relevance = null)
{
    public bool Failed => Summaries.Values.Any(s => !s.IsOk);

    /// <summary>What the summaries were written from: HTML, PDF, Abs, or offline.</summary>
    public string Source => Summaries.Values.FirstOrDefault(s => s.IsOk)?.Source ?? Summaries.Values.FirstOrDefault()?.Source ?? "Abs";

    public IReadOnlyList<string> Unsupported => Summaries.Values.SelectMany(s => s.Unsupported).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>One day's digest: the papers in HF order (most upvoted first) and the language it is written in.</summary>
internal sealed record Digest(DateOnly Date, string Lang, IReadOnlyList<string> Styles, IReadOnlyList<DigestEntry> Entries)
{
    /// <summary>A named arXiv source's listing; null for Hugging Face Daily Papers.</summary>
    public DigestOrigin? Origin { get; init; }
}
