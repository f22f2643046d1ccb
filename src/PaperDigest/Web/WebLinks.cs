using System.Globalization;
using System.Text;

namespace PaperDigest.Web;

/// <summary>
/// The reader's URLs. On the server they are absolute paths (/papers/2602.02276); in the static site they are
/// relative to the page (../../papers/2602.02276/index.html), so it works on GitHub Pages and from disk.
/// </summary>
internal sealed record WebLinks(string Root, bool Static)
{
    public const string Arxiv = "https://arxiv.org";

    public static WebLinks Server { get; } = new("/", false);

    /// <summary>The links of a static page at this path (e.g. "daily/2026-02-03/index.html").</summary>
    public static WebLinks StaticAt(string pagePath) =>
        new(string.Concat(Enumerable.Repeat("../", pagePath.Count(c => c == '/'))), true);

    public string Home => Static ? Root + "index.html" : Root;
    public string Archive => Page("daily");
    public string Trends => Page("trends");
    public string Topics => Page("topics");
    public string Search => Page("search");
    public string DailyFeed => Root + "feeds/daily.atom";

    public string Daily(DateOnly date) => Page("daily/" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    /// <summary>A named source's archive (daily/&lt;source&gt;/), one of its days, its feed; source names are folder-safe (sources[].name).</summary>
    public string SourceArchive(string source) => Page("daily/" + Uri.EscapeDataString(source));
    public string SourceDaily(string source, DateOnly date) => Page("daily/" + Uri.EscapeDataString(source) + "/" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    public string SourceFeed(string source) => Root + "feeds/daily/" + Uri.EscapeDataString(source) + ".atom";
    public string Paper(string id) => Page("papers/" + id);
    public string Topic(string name) => Page("topics/" + (Static ? Slug(name) : Uri.EscapeDataString(name)));
    public string TopicFeed(string name) => Root + "feeds/topics/" + (Static ? Slug(name) : Uri.EscapeDataString(name)) + ".atom";

    public static string Abs(string id) => $"{Arxiv}/abs/{id}";
    public static string Pdf(string id) => $"{Arxiv}/pdf/{id}";
    public static string ArxivHtml(string id) => $"{Arxiv}/html/{id}";

    private string Page(string path) => Static ? $"{Root}{path}/index.html" : $"{Root}{path}";

    /// <summary>A file-name-safe form of a topic name: lower case letters, digits and CJK, dashes between.</summary>
    public static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "topic" : slug;
    }
}
