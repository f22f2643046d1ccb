namespace PaperDigest.Store;

/// <summary>The database was written by a newer PaperDigest; the message names the file and what to do.</summary>
internal sealed class StoreVersionException(string message) : Exception(message);
