namespace PaperDigest.Summaries;

/// <summary>What the daily styles are written from when an LLM writes them (digest.read): the full text, or the abstract.</summary>
internal sealed record SummaryReading(bool FullText);
