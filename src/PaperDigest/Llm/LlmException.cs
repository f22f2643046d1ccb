namespace PaperDigest.Llm;

/// <summary>The model could not be reached or refused the request (after the HTTP retries). The message never holds the key.</summary>
internal sealed class LlmException(string message, Exception? inner = null) : Exception(message, inner);
