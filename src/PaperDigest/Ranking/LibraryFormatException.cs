namespace PaperDigest.Ranking;

/// <summary>A library file that cannot be read: the message names the file and line.</summary>
internal sealed class LibraryFormatException(string message) : Exception(message);
