using PaperDigest.Papers;

namespace PaperDigest.Reading;

/// <summary>A paper as read from arXiv's LaTeXML HTML: front matter and the section tree, bibliography and page chrome left out.</summary>
internal sealed record ArxivDocument(
    string Title,
    IReadOnlyList<Author> Authors,
    string Abstract,
    IReadOnlyList<ArxivSection> Sections);
