using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using PaperDigest.Papers;

namespace PaperDigest.Sources;

/// <summary>
/// Reads arXiv's listing RSS: items whose description reads
/// <c>arXiv:2609.26811v1 Announce Type: new \nAbstract: ...</c>, with dc:creator authors.
/// </summary>
internal static partial class ArxivRssParser
{
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    [GeneratedRegex(@"^\s*arXiv:(?<id>\S+)\s+Announce Type:\s*(?<type>[\w-]+)\s*(?:Abstract:\s*)?(?<abs>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Description();

    [GeneratedRegex(@",\s*(?:and\s+)?|\s+and\s+", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorSeparator();

    public static IReadOnlyList<ArxivRssEntry> Parse(string xml) => ParseFeed(xml).Entries;

    /// <summary>The feed with its announcement day: the channel's pubDate (arXiv's own, Eastern time), else its lastBuildDate.</summary>
    public static ArxivRssFeed ParseFeed(string xml)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new ArxivFeedFormatException(
                $"The arXiv RSS feed is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}",
                ex.LineNumber, ex);
        }

        var channel = doc.Root?.Element("channel")
            ?? throw new ArxivFeedFormatException($"Expected an RSS <channel> from arXiv, got <{doc.Root?.Name.LocalName}>.", 1);
        var entries = channel.Elements("item").Select(ParseItem).OfType<ArxivRssEntry>().ToList();
        DateOnly? day = null;
        foreach (var name in new[] { "pubDate", "lastBuildDate" })
            if (day is null && DateTimeOffset.TryParse(channel.Element(name)?.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                day = DateOnly.FromDateTime(at.DateTime);
        return new ArxivRssFeed(day ?? entries.Select(e => e.Announced).OfType<DateTimeOffset>().Select(a => DateOnly.FromDateTime(a.DateTime)).FirstOrDefault(), entries);
    }

    private static ArxivRssEntry? ParseItem(XElement item)
    {
        var description = item.Element("description")?.Value ?? "";
        var match = Description().Match(description);
        var idText = match.Success ? match.Groups["id"].Value : item.Element("guid")?.Value.Replace("oai:arXiv.org:", "", StringComparison.OrdinalIgnoreCase);
        if (!ArxivId.TryParse(idText, out var id) && !ArxivId.TryParse(item.Element("link")?.Value, out id)) return null;
        var title = Whitespace.Collapse(item.Element("title")?.Value);
        if (title.Length == 0) return null;

        var type = item.Element(Arxiv + "announce_type")?.Value ?? (match.Success ? match.Groups["type"].Value : null);
        var abstractText = match.Success ? match.Groups["abs"].Value : description;
        return new ArxivRssEntry(
            id,
            title,
            Whitespace.Collapse(abstractText),
            item.Elements(Dc + "creator")
                .SelectMany(c => AuthorSeparator().Split(c.Value))
                .Select(Whitespace.Collapse)
                .Where(a => a.Length > 0)
                .ToList(),
            item.Elements("category").Select(c => c.Value.Trim()).Where(c => c.Length > 0).ToList(),
            ParseAnnounceType(type),
            DateTimeOffset.TryParse(item.Element("pubDate")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null,
            Whitespace.Collapse(item.Element(Arxiv + "DOI")?.Value) is { Length: > 0 } doi ? doi : null);
    }

    public static ArxivAnnounceType ParseAnnounceType(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "new" => ArxivAnnounceType.New,
        "cross" => ArxivAnnounceType.Cross,
        "replace" => ArxivAnnounceType.Replace,
        "replace-cross" => ArxivAnnounceType.ReplaceCross,
        _ => ArxivAnnounceType.Unknown,
    };
}
