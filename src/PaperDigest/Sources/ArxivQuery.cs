using System.Globalization;
using PaperDigest.Papers;

namespace PaperDigest.Sources;

/// <summary>
/// Pieces of arXiv's query language (https://info.arxiv.org/help/api/user-manual.html#query_details)
/// and the URL query strings the API expects.
/// </summary>
internal static class ArxivQuery
{
    /// <summary><c>field:"multi word"</c> or <c>field:word</c>; quotes inside the phrase are dropped.</summary>
    public static string Term(string field, string phrase)
    {
        var text = Whitespace.Collapse(phrase.Replace("\"", " ", StringComparison.Ordinal));
        if (text.Length == 0) throw new ArgumentException("An arXiv search term cannot be empty.", nameof(phrase));
        return text.Contains(' ', StringComparison.Ordinal) || text.Contains('-', StringComparison.Ordinal)
            ? $"{field}:\"{text}\""
            : $"{field}:{text}";
    }

    /// <summary>Joins clauses with OR; parenthesised when there are several.</summary>
    public static string AnyOf(IEnumerable<string> clauses)
    {
        var list = clauses.Distinct(StringComparer.Ordinal).ToList();
        return list.Count switch
        {
            0 => throw new ArgumentException("AnyOf needs at least one clause.", nameof(clauses)),
            1 => list[0],
            _ => "(" + string.Join(" OR ", list) + ")",
        };
    }

    /// <summary>The query string of one page of a search, newest submissions first.</summary>
    public static string SearchParameters(string searchQuery, int start, int maxResults) =>
        $"search_query={Encode(searchQuery)}&start={start.ToString(CultureInfo.InvariantCulture)}"
        + $"&max_results={maxResults.ToString(CultureInfo.InvariantCulture)}&sortBy=submittedDate&sortOrder=descending";

    /// <summary>The query string of an id_list lookup (versions kept where given).</summary>
    public static string IdListParameters(IEnumerable<ArxivId> ids, int maxResults) =>
        $"id_list={Encode(string.Join(',', ids.Select(i => i.Versioned)))}&max_results={maxResults.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Percent-encodes a query value the way arXiv documents it: spaces as '+', quotes and parentheses escaped; ':' ',' '/' kept readable.</summary>
    public static string Encode(string value) =>
        Uri.EscapeDataString(value)
            .Replace("%20", "+", StringComparison.Ordinal)
            .Replace("%3A", ":", StringComparison.Ordinal)
            .Replace("%2C", ",", StringComparison.Ordinal)
            .Replace("%2F", "/", StringComparison.Ordinal);
}
