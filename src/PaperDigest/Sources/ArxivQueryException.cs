namespace PaperDigest.Sources;

/// <summary>arXiv rejected the query (HTTP 400 with an error feed). The message is what arXiv said.</summary>
internal sealed class ArxivQueryException : Exception
{
    public ArxivQueryException(string message, string? errorId = null) : base(message) => ErrorId = errorId;

    /// <summary>arXiv's error id, e.g. https://arxiv.org/api/errors#incorrect_id_format_for_abc.</summary>
    public string? ErrorId { get; }
}
