using PaperDigest.Papers;

namespace PaperDigest.Summaries;

/// <summary>
/// What a summary is written from: the paper and the text that was read (abstract, HTML or PDF).
/// <paramref name="Provisional"/>: a fallback after a passing failure of a better source (see <see cref="Reading.FullText.Transient"/>).
/// </summary>
internal sealed record SummaryInput(Paper Paper, string SourceLabel, string Text, bool Provisional = false);

/// <summary>What a writer produced for one paper and style, before it is checked and stored.</summary>
internal sealed record WrittenSummary(bool Ok, System.Text.Json.Nodes.JsonObject Fields, string? Error, int InputTokens, int OutputTokens, IReadOnlyList<string> Unsupported);
