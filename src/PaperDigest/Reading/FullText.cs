namespace PaperDigest.Reading;

/// <summary>
/// The text an LLM gets for one paper, where it came from, and why each earlier source was skipped (e.g. "HTML: 404").
/// <paramref name="Transient"/>: an earlier source failed for a passing reason (a 5xx, 429, timeout or network error), so a
/// later run may read a better text; such an outcome is not stored as final.
/// </summary>
internal sealed record FullText(TextSource Source, string Text, IReadOnlyList<string> Attempts, bool Transient = false);
