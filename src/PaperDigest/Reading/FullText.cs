namespace PaperDigest.Reading;

/// <summary>The text an LLM gets for one paper, where it came from, and why each earlier source was skipped (e.g. "HTML: 404").</summary>
internal sealed record FullText(TextSource Source, string Text, IReadOnlyList<string> Attempts);
