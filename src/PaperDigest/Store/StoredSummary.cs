using System.Text.Json.Nodes;

namespace PaperDigest.Store;

/// <summary>The cache key of a summary: PRODUCT.md "LLM requests".</summary>
internal sealed record SummaryKey(string PaperId, string PaperVersion, string Style, string Lang, string PromptVersion, string Model);

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
