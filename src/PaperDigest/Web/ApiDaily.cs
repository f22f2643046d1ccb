using System.Text.Json.Nodes;

namespace PaperDigest.Web;

/// <summary>
/// GET /api/daily/{date} and /api/daily/{source}/{date}: the shape of daily/&lt;date&gt;.json and daily/&lt;source&gt;/&lt;date&gt;.json (PRODUCT.md "Output files"), for the OpenAPI document only.
/// The answer itself is DigestJsonRenderer's text, so the API and the file never differ.
/// </summary>
internal sealed record ApiDaily(
    string Date,
    string Lang,
    string SourceUrl,
    IReadOnlyList<string> Styles,
    IReadOnlyList<ApiDailyPaper> Papers);

/// <summary>One paper of a day: summaries by style (null when missing; {"error": …} when it failed).</summary>
internal sealed record ApiDailyPaper(
    string Id,
    string Title,
    IReadOnlyList<string> Authors,
    int Upvotes,
    string? CodeUrl,
    string PdfUrl,
    string? Source,
    string Status,
    string? Error,
    IReadOnlyDictionary<string, JsonObject?> Summaries,
    IReadOnlyList<string> UnsupportedNumbers,
    ApiDailyRelevance? Relevance);

/// <summary>
/// Why a paper was picked: its score against the profile (0 to 1) and what it matched. Filled in a named source's day
/// (/api/daily/{source}/{date}); absent from the Hugging Face day, whose ranking the store does not keep.
/// </summary>
internal sealed record ApiDailyRelevance(double Score, IReadOnlyList<string> Why);
