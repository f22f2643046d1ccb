using Microsoft.Data.Sqlite;

namespace PaperDigest.Store;

/// <summary>
/// The store could not be written because its disk is full (SQLITE_FULL, or ENOSPC from a file write). Nothing after
/// it can be stored, so a stage stops at the first one instead of paying for work it would discard.
/// An IOException, so a command's edge reports it as a file that could not be written (exit 1).
/// </summary>
internal sealed class StoreFullException(string path, string detail, long stored, Exception inner)
    : IOException($"the store could not be written (disk full?) at {path}: {detail}; {stored} summaries already stored", inner)
{
    private const int SqliteFull = 13;
    private const int Enospc = 28;

    public string StorePath { get; } = path;

    /// <summary>True when <paramref name="ex"/> (or what it wraps) says the disk or the database is full.</summary>
    public static bool IsDiskFull(Exception ex) => ex switch
    {
        StoreFullException => true,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteFull,
        IOException io => (io.HResult & 0xFFFF) == Enospc || io.HResult == unchecked((int)0x80070070), // ENOSPC; ERROR_DISK_FULL on Windows
        _ => ex.InnerException is { } inner && IsDiskFull(inner),
    };
}
