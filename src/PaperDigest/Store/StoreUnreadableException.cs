namespace PaperDigest.Store;

/// <summary>The store's file is not a SQLite database (or is damaged); the message names the file and what to do.</summary>
internal sealed class StoreUnreadableException(string message, Exception inner) : Exception(message, inner);
