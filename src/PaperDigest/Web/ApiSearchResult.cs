namespace PaperDigest.Web;

/// <summary>GET /api/search: one page of ranked results.</summary>
internal sealed record ApiSearchResult(string Query, int Total, int Page, int Pages, IReadOnlyList<ApiSearchHit> Results);

/// <summary>One result; score is BM25 (lower is better).</summary>
internal sealed record ApiSearchHit(string Id, string? Date, string Title, IReadOnlyList<string> Authors, string? CodeUrl, string Snippet, double Score);
