using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PaperDigest.Papers;

namespace PaperDigest.Web;

/// <summary>Pure renderer of Atom feeds (System.Xml.Linq): one entry per paper, linking to its reader page.</summary>
internal static class AtomFeedRenderer
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <param name="baseUrl">The reader's public address (absolute links), or empty for links relative to the feed.</param>
    /// <param name="selfPath">The feed's own path from the site root, e.g. feeds/daily.atom.</param>
    /// <param name="isStatic">Links to the static site's pages (papers/&lt;id&gt;/index.html) rather than the server's.</param>
    /// <param name="topic">The topic of a topic feed: its alternate link is the topic's page; null for the daily feed (the home page).</param>
    /// <param name="alternate">The page the feed mirrors when it is neither the home page nor a topic's (a named source's archive).</param>
    /// <param name="translations">Stored translations by paper id: an entry without a summary carries its translation instead of the English abstract.</param>
    public static string Render(string title, string selfPath, IReadOnlyList<(ReaderPaper Paper, DateOnly Date)> entries, string baseUrl, bool isStatic,
        string? topic = null, IReadOnlyDictionary<string, StoredTranslation>? translations = null, Func<WebLinks, string>? alternate = null)
    {
        var links = baseUrl.Length > 0 ? new WebLinks("", isStatic) : WebLinks.StaticAt(selfPath) with { Static = isStatic };
        var self = baseUrl.Length > 0 ? selfPath : selfPath[(selfPath.LastIndexOf('/') + 1)..];
        var updated = entries.Count > 0 ? entries.Max(e => e.Date) : new DateOnly(2000, 1, 1);
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", title),
            new XElement(Atom + "id", FeedId(baseUrl, selfPath)),
            new XElement(Atom + "updated", Stamp(updated)),
            new XElement(Atom + "generator", "PaperDigest"),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", Resolve(baseUrl, self))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", Resolve(baseUrl, alternate?.Invoke(links) ?? (topic is null ? links.Home : links.Topic(topic))))));
        if (baseUrl.Length > 0) feed.Add(new XAttribute(XNamespace.Xml + "base", baseUrl));
        foreach (var (item, date) in entries)
        {
            var p = item.Paper;
            var summary = item.Preferred is { IsOk: true } s ? SummaryHtmlRenderer.PlainText(s)
                : translations?.GetValueOrDefault(p.Id.Id) is { } t ? Whitespace.Collapse(t.Text)
                : Whitespace.Collapse(p.Abstract);
            var entry = new XElement(Atom + "entry",
                new XElement(Atom + "title", Clean(Whitespace.Collapse(p.Title))),
                new XElement(Atom + "id", WebLinks.Abs(p.Id.Id)),
                new XElement(Atom + "updated", Stamp(date)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", Resolve(baseUrl, links.Paper(p.Id.Id)))),
                new XElement(Atom + "link", new XAttribute("rel", "related"), new XAttribute("type", "application/pdf"), new XAttribute("href", WebLinks.Pdf(p.Id.Id))));
            foreach (var author in p.Authors.Take(20)) entry.Add(new XElement(Atom + "author", new XElement(Atom + "name", Clean(author))));
            entry.Add(new XElement(Atom + "summary", new XAttribute("type", "text"), Clean(summary)));
            feed.Add(entry);
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Declaration + "\n" + feed.ToString(SaveOptions.None) + "\n";
    }

    /// <summary>
    /// The feed's id: its own absolute address when the reader's address is known (web.base_url, or the server's), so
    /// that two installs never share an id; without one (a static site with no web.base_url) a URN of its path.
    /// </summary>
    internal static string FeedId(string baseUrl, string selfPath) =>
        baseUrl.Length > 0 ? Resolve(baseUrl, selfPath) : "urn:paperdigest:" + selfPath;

    private static string Resolve(string baseUrl, string path) => baseUrl.Length == 0 ? (path.Length == 0 ? "./" : path) : new Uri(new Uri(baseUrl), path).AbsoluteUri;

    private static string Stamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    /// <summary>Drops characters XML cannot carry (control characters from PDFs or models).</summary>
    private static string Clean(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) sb.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) sb.Append(text, i++, 2);
        }
        return sb.ToString();
    }
}
