namespace PaperDigest.Reading;

/// <summary>One author and the affiliations the page attributes to them (possibly none).</summary>
internal sealed record ArxivAuthor(string Name, IReadOnlyList<string> Affiliations);
