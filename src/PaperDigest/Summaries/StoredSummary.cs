using System.Text.Json.Nodes;

namespace PaperDigest.Summaries;

/// <summary>
/// A summary as stored: ok with its fields, or failed with the reason. <paramref name="Provisional"/>: written from a
/// fallback text after a passing failure of the full text, so a later run that can read it writes it again.
/// </summary>
internal sealed record StoredSummary(
    SummaryKey Key,
    string Status,
    JsonObject Fields,
    string Source,
    IReadOnlyList<string> Unsupported,
    string? Error,
    int InputTokens,
    int OutputTokens,
    DateTimeOffset CreatedAt,
    bool Provisional = false)
{
    public bool IsOk => Status == "ok";
}
