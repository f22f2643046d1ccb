namespace PaperDigest.Reading;

/// <summary>Where a paper's full text came from.</summary>
internal enum TextSource
{
    Html,
    Pdf,
    Abs,
}
