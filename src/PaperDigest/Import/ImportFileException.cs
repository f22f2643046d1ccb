namespace PaperDigest.Import;

/// <summary>The import file cannot be read to its end (not gzip, truncated, xz failed); the message names the file.</summary>
internal sealed class ImportFileException(string message, Exception? inner = null) : IOException(message, inner);
