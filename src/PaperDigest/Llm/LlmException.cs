namespace PaperDigest.Llm;

/// <summary>The model could not be reached, refused, or answered nonsense (after the HTTP retries). The message never holds the key.</summary>
internal sealed class LlmException(LlmFailure failure, string message, Exception? inner = null, int? httpStatus = null) : Exception(message, inner)
{
    public LlmFailure Failure { get; } = failure;

    /// <summary>The endpoint's HTTP status when it answered one (401, 404, ...), else null.</summary>
    public int? HttpStatus { get; } = httpStatus;
}
