namespace PaperDigest.Web;

/// <summary>
/// GET /api/search: one page of ranked results. When <paramref name="TotalIsLowerBound"/>, the query matched more papers
/// than one search ranks (a frequent term): the results are its best bounded candidates and Total counts those.
/// </summary>
internal sealed record ApiSearchResult(string Query, int Total, bool TotalIsLowerBound, int Page, int Pages, IReadOnlyList<ApiSearchHit> Results);

/// <summary>One result; score is BM25 (lower is better).</summary>
internal sealed record ApiSearchHit(string Id, string? Date, string Title, IReadOnlyList<string> Authors, string? CodeUrl, string Snippet, double Score);
