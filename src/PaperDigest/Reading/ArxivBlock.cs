namespace PaperDigest.Reading;

/// <summary>
/// One block of a section as plain text. Tables are lines <c>| cell | cell |</c> (header row first) after their caption,
/// math is LaTeX (<c>$...$</c> inline, <c>$$...$$</c> for equations).
/// </summary>
internal sealed record ArxivBlock(BlockKind Kind, string Text);
