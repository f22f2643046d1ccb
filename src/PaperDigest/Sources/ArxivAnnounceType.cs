namespace PaperDigest.Sources;

/// <summary>Why a paper appears in today's arXiv listing.</summary>
internal enum ArxivAnnounceType
{
    Unknown,
    /// <summary>First announcement in this category.</summary>
    New,
    /// <summary>Cross-listed from another primary category.</summary>
    Cross,
    /// <summary>A new version of an earlier paper.</summary>
    Replace,
    /// <summary>A new version of a cross-listed paper.</summary>
    ReplaceCross,
}
