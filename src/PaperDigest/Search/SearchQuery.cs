namespace PaperDigest.Search;

/// <summary>What a reader asked for: free text plus filters (date range on published or listing date, topic, has code) and a page.</summary>
internal sealed record SearchQuery(
    string Text,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Topic = null,
    bool HasCode = false,
    int Page = 1,
    int PageSize = 20)
{
    public bool HasFilters => From is not null || To is not null || !string.IsNullOrEmpty(Topic) || HasCode;
}
