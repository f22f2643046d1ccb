using PaperDigest.Papers;

namespace PaperDigest.Tracker;

/// <summary>One paper in a tracker table.</summary>
/// <param name="Abstract">The abstract in the configured language (translated or not).</param>
/// <param name="AbstractOriginal">The arXiv abstract when <paramref name="Abstract"/> is a translation; otherwise null.</param>
internal sealed record TrackerRow(
    ArxivId Id,
    string Title,
    DateOnly Published,
    string? CodeUrl,
    string Abstract,
    string? AbstractOriginal = null);
