namespace PaperDigest.Sources;

/// <summary>A feed from arXiv that is not well-formed (truncated, not XML, wrong root). Names the line when known.</summary>
internal sealed class ArxivFeedFormatException : Exception
{
    public ArxivFeedFormatException(string message, int? line = null, Exception? inner = null) : base(message, inner) => Line = line;

    public int? Line { get; }
}
