namespace PaperDigest.Import;

/// <summary>
/// Where an import is: lines read, papers written, how far into the file (bytes on disk, compressed or not) and, while
/// search_words is being filled, how many papers it has taken so far.
/// </summary>
internal sealed record ImportProgress(long Lines, long Imported, long Skipped, long FileBytesRead, long FileBytes, long? Indexed, TimeSpan Elapsed)
{
    public double PapersPerSecond => Elapsed.TotalSeconds > 0 ? Imported / Elapsed.TotalSeconds : 0;

    /// <summary>The share of the file read, 0 to 1.</summary>
    public double Fraction => FileBytes > 0 ? Math.Clamp((double)FileBytesRead / FileBytes, 0, 1) : 0;

    /// <summary>The time left at the pace so far, from the share of the file read (compressed bytes for .gz and .xz); null before anything was read.</summary>
    public TimeSpan? Remaining => Fraction is > 0 and var f ? Elapsed * ((1 - f) / f) : null;
}
