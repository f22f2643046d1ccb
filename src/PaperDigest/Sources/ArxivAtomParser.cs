using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PaperDigest.Papers;

namespace PaperDigest.Sources;

/// <summary>
/// Reads arXiv query API responses: the 2025+ serializer and the legacy (pre-2025) one.
/// An error feed becomes <see cref="ArxivQueryException"/>; XML that is not well-formed becomes
/// <see cref="ArxivFeedFormatException"/> naming the line.
/// </summary>
internal static class ArxivAtomParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";
    private static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    public static ArxivFeed Parse(string xml)
    {
        using var reader = new StringReader(xml);
        return Parse(reader);
    }

    public static ArxivFeed Parse(Stream stream)
    {
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        return Parse(reader);
    }

    private static ArxivFeed Parse(TextReader text)
    {
        var feed = Load(text);
        var entries = new List<ArxivEntry>();
        var skipped = 0;
        foreach (var element in feed.Elements(Atom + "entry"))
        {
            ThrowIfError(element);
            if (ParseEntry(element) is { } entry) entries.Add(entry);
            else skipped++;
        }

        return new ArxivFeed(
            entries,
            Int(feed, OpenSearch + "totalResults") ?? entries.Count,
            Int(feed, OpenSearch + "startIndex") ?? 0,
            Int(feed, OpenSearch + "itemsPerPage") ?? entries.Count,
            skipped);
    }

    private static XElement Load(TextReader text)
    {
        XDocument doc;
        try
        {
            using var xml = XmlReader.Create(text, ReaderSettings);
            doc = XDocument.Load(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new ArxivFeedFormatException(
                $"The arXiv feed is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}",
                ex.LineNumber, ex);
        }

        var root = doc.Root!;
        if (root.Name != Atom + "feed")
            throw new ArxivFeedFormatException($"Expected an Atom <feed> from arXiv, got <{root.Name.LocalName}> (line 1).", 1);
        return root;
    }

    private static void ThrowIfError(XElement entry)
    {
        var id = Text(entry, Atom + "id");
        if (id is null || !id.Contains("arxiv.org/api/errors", StringComparison.OrdinalIgnoreCase)) return;
        var message = Text(entry, Atom + "summary") ?? id;
        throw new ArxivQueryException($"arXiv rejected the query: {message}", id);
    }

    private static ArxivEntry? ParseEntry(XElement entry)
    {
        var title = Text(entry, Atom + "title");
        if (title is null || !ArxivId.TryParse(Text(entry, Atom + "id"), out var id)) return null;

        var updated = Date(entry, Atom + "updated");
        var published = Date(entry, Atom + "published") ?? updated ?? DateTimeOffset.MinValue;
        var primary = entry.Element(Arxiv + "primary_category")?.Attribute("term")?.Value;
        var categories = entry.Elements(Atom + "category")
            .Select(c => c.Attribute("term")?.Value)
            .Prepend(primary)
            .OfType<string>()
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var links = entry.Elements(Atom + "link").ToList();

        return new ArxivEntry(
            id,
            title,
            Text(entry, Atom + "summary") ?? "",
            entry.Elements(Atom + "author").Select(ParseAuthor).Where(a => a.Name.Length > 0).ToList(),
            published,
            updated ?? published,
            primary,
            categories,
            Text(entry, Arxiv + "comment"),
            Text(entry, Arxiv + "journal_ref"),
            Text(entry, Arxiv + "doi"),
            links.FirstOrDefault(l => (string?)l.Attribute("rel") == "alternate")?.Attribute("href")?.Value,
            links.FirstOrDefault(l => (string?)l.Attribute("title") == "pdf" || (string?)l.Attribute("type") == "application/pdf")
                ?.Attribute("href")?.Value);
    }

    private static Author ParseAuthor(XElement author) => new(
        Whitespace.Collapse(author.Element(Atom + "name")?.Value),
        author.Elements(Arxiv + "affiliation").Select(a => Whitespace.Collapse(a.Value)).Where(a => a.Length > 0).ToList());

    /// <summary>The element's text, single-spaced; null when absent or blank.</summary>
    private static string? Text(XElement parent, XName name)
    {
        var value = Whitespace.Collapse(parent.Element(name)?.Value);
        return value.Length == 0 ? null : value;
    }

    private static int? Int(XElement parent, XName name) =>
        int.TryParse(parent.Element(name)?.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateTimeOffset? Date(XElement parent, XName name) =>
        DateTimeOffset.TryParse(parent.Element(name)?.Value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d.ToUniversalTime()
            : null;
}
