namespace PaperDigest.Tests.TestSupport;

/// <summary>One paper a fake arXiv returns.</summary>
public sealed record FakePaper(string Id, string Title, string Abstract, string Published = "2026-09-23T17:59:01Z", string? Comment = null, int Version = 1);
