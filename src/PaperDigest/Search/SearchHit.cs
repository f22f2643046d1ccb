namespace PaperDigest.Search;

/// <summary>One ranked result: the paper's id, its date (published, else first listed), title, authors, code and a plain-text snippet.</summary>
internal sealed record SearchHit(
    string Id,
    DateOnly? Date,
    string Title,
    IReadOnlyList<string> Authors,
    string? CodeUrl,
    string Snippet,
    double Rank);

/// <summary>
/// One page of results. Total counts every match of the query and filters; when <paramref name="Bounded"/>, the query
/// matched too many papers to rank them all, and Total counts the ranked candidates only: more papers match.
/// </summary>
internal sealed record SearchPage(SearchQuery Query, SearchTerms Terms, IReadOnlyList<SearchHit> Hits, int Total, bool Bounded = false)
{
    public int Pages => Total == 0 ? 0 : (Total + Query.PageSize - 1) / Query.PageSize;
}
