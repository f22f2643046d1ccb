namespace PaperDigest.Sources;

/// <summary>An author as arXiv lists them, with the affiliations arXiv knows (often none).</summary>
internal sealed record ArxivAuthor(string Name, IReadOnlyList<string> Affiliations);
