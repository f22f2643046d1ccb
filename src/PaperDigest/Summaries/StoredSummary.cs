using System.Text.Json.Nodes;

namespace PaperDigest.Summaries;

/// <summary>A summary as stored: ok with its fields, or failed with the reason.</summary>
internal sealed record StoredSummary(
    SummaryKey Key,
    string Status,
    JsonObject Fields,
    string Source,
    IReadOnlyList<string> Unsupported,
    string? Error,
    int InputTokens,
    int OutputTokens,
    DateTimeOffset CreatedAt)
{
    public bool IsOk => Status == "ok";
}
