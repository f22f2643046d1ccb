namespace PaperDigest.Sources;

/// <summary>One arXiv RSS listing: the day it announces (null when the feed names none) and its items; empty on weekends and holidays.</summary>
internal sealed record ArxivRssFeed(DateOnly? Date, IReadOnlyList<ArxivRssEntry> Entries);
