namespace PaperDigest.Sources;

/// <summary>A source answered something unusable (malformed JSON, an error status after retries). The message says which and where.</summary>
internal sealed class SourceException(string message, Exception? inner = null) : Exception(message, inner);
