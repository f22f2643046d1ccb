namespace PaperDigest.Papers;

/// <summary>An author as arXiv lists them (the Atom API, the HTML page), with the affiliations given (often none).</summary>
internal sealed record Author(string Name, IReadOnlyList<string> Affiliations);
