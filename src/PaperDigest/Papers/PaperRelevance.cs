namespace PaperDigest.Papers;

/// <summary>How well a paper matches the reader's profile: a score in [0, 1] and what it matched (library papers, terms).</summary>
internal sealed record PaperRelevance(double Score, IReadOnlyList<string> Why);
