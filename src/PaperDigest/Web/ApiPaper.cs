using System.Text.Json.Nodes;

namespace PaperDigest.Web;

/// <summary>GET /api/papers/{id}: a paper with every stored summary.</summary>
internal sealed record ApiPaper(
    string Id,
    int? Version,
    string Title,
    IReadOnlyList<string> Authors,
    string Abstract,
    string? Published,
    IReadOnlyList<string> Categories,
    string? Comment,
    string? CodeUrl,
    string AbsUrl,
    string PdfUrl,
    string HtmlUrl,
    IReadOnlyList<string> Listed,
    IReadOnlyList<string> Topics,
    IReadOnlyList<ApiSummary> Summaries);

/// <summary>One stored summary: its key, what it was read from, its fields, the numbers not found in the source.</summary>
internal sealed record ApiSummary(
    string Style,
    string Lang,
    string Model,
    string PromptVersion,
    string Status,
    string Source,
    JsonObject Fields,
    IReadOnlyList<string> UnsupportedNumbers,
    string? Error,
    string CreatedAt);
