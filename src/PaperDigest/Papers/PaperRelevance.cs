namespace PaperDigest.Papers;

/// <summary>How well a paper matches the reader's profile: a score in [0, 1] and what it matched (library papers, terms).</summary>
internal sealed record PaperRelevance(double Score, IReadOnlyList<string> Why)
{
    /// <summary>Nothing matched and nothing ranked it: a listing kept in its own order (no profile configured).</summary>
    public bool IsEmpty => Score <= 0 && Why.Count == 0;
}
