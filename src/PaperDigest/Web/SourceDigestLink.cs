namespace PaperDigest.Web;

/// <summary>
/// A named arXiv source with stored digests (`daily --source`), as the reader links it: its name, what it reads (the
/// digest's header, e.g. "arXiv cs.RO (robotics)") and the listing's address when it is configured, how many days, the newest.
/// </summary>
internal sealed record SourceDigestLink(string Name, string Title, string? Url, int Days, DateOnly Newest);
