namespace PaperDigest.Sources;

/// <summary>One page of arXiv query results with its OpenSearch counters.</summary>
/// <param name="SkippedEntries">Entries dropped because they lacked an id or a title.</param>
internal sealed record ArxivFeed(
    IReadOnlyList<ArxivEntry> Entries,
    int TotalResults,
    int StartIndex,
    int ItemsPerPage,
    int SkippedEntries)
{
    /// <summary>No entries although the counters say more results remain: arXiv's known transient glitch, worth a retry.</summary>
    public bool IsSuspiciouslyEmpty => Entries.Count == 0 && SkippedEntries == 0 && StartIndex < TotalResults;
}
