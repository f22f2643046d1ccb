using System.Globalization;
using PaperDigest.Search;

namespace PaperDigest.Web;

/// <summary>The search parameters as the reader typed them (kept as text, so the form shows them back even when invalid).</summary>
internal sealed record SearchForm(string Q, string From, string To, string Topic, bool Code, int Page)
{
    public const int MaxPage = 1000;

    public bool IsBlank => Q.Trim().Length == 0 && From.Length == 0 && To.Length == 0 && Topic.Length == 0 && !Code;

    /// <summary>Reads the query string's text; a value that cannot be read (page=abc, from=yesterday) is an error, never an exception.</summary>
    public static bool TryRead(string? q, string? from, string? to, string? topic, string? code, string? page, out SearchForm form, out string error)
    {
        error = "";
        var number = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > MaxPage))
            error = $"page must be a whole number from 1 to {MaxPage} (got '{Shorten(page)}').";
        var hasCode = code switch
        {
            null or "" or "0" or "false" => false,
            "1" or "true" or "on" => true,
            _ => Fail(ref error, $"code must be 1 or 0 (got '{Shorten(code)}')."),
        };
        form = new SearchForm(q ?? "", from ?? "", to ?? "", topic ?? "", hasCode, Math.Clamp(number, 1, MaxPage));
        return error.Length == 0;
    }

    /// <summary>The query and its terms, or why they cannot be searched.</summary>
    public bool TryBuild(int pageSize, out SearchQuery query, out SearchTerms terms, out string error)
    {
        query = new SearchQuery(Q);
        terms = new SearchTerms([], [], []);
        if (!TryDate(From, "from", out var from, out error) || !TryDate(To, "to", out var to, out error)) return false;
        if (from > to) { error = "from must not be after to."; return false; }
        if (Topic.Length > 200) { error = "topic is too long."; return false; }
        if (!SearchTerms.TryParse(Q, out terms, out error)) return false;
        query = new SearchQuery(Q, from, to, Topic.Length > 0 ? Topic : null, Code, Page, pageSize);
        if (terms.IsEmpty && !query.HasFilters)
        {
            error = Q.Trim().Length > 0 ? "The query has no words to look for (punctuation and operators are ignored)." : "Give a query (q) or a filter.";
            return false;
        }
        return true;
    }

    private static bool TryDate(string text, string name, out DateOnly? date, out string error)
    {
        date = null;
        error = "";
        if (text.Length == 0) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { date = d; return true; }
        error = $"{name} must be a day as YYYY-MM-DD (got '{Shorten(text)}').";
        return false;
    }

    private static bool Fail(ref string error, string message)
    {
        error = message;
        return false;
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;

    public string QueryString(int page) =>
        string.Join('&', new[] { ("q", Q), ("from", From), ("to", To), ("topic", Topic), ("code", Code ? "1" : ""), ("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : "") }
            .Where(kv => kv.Item2.Length > 0).Select(kv => kv.Item1 + "=" + Uri.EscapeDataString(kv.Item2)));
}
