namespace PaperDigest.Tracker;

/// <summary>Everything the tracker pages show: the date of the run and one table per topic, in order.</summary>
internal sealed record TrackerPage(DateOnly UpdatedOn, IReadOnlyList<TrackerTopic> Topics);
