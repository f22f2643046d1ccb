using System.Globalization;
using PaperDigest.Listings;
using PaperDigest.Papers;
using PaperDigest.Publishing;

namespace PaperDigest.Web;

/// <summary>
/// The reader's side of the named sources (`daily --source NAME`): which digests exist (ListingStore, table source_digests),
/// a day's papers with their relevance and stored summaries (ReaderStore), and their pages and feeds, for `serve` and `site`.
/// A source name that is not one (sources[].name) or a malformed day is a 400; an unknown source or day a 404.
/// </summary>
/// <param name="origins">The configured sources' headers and listing addresses by name (a source no longer configured keeps its pages).</param>
internal sealed class SourceDigestPageService(ReaderStore reader, ReaderPageService pages, ListingStore listings, IReadOnlyDictionary<string, DigestOrigin> origins)
{
    /// <summary>Every source with a stored digest, by name (only names a source can have: they name folders of the static site).</summary>
    public async Task<IReadOnlyList<SourceDigestLink>> SourcesAsync(CancellationToken cancellationToken) =>
        (await listings.SourcesAsync(cancellationToken)).Where(s => SourceOptions.IsName(s.Source))
            .Select(s => origins.TryGetValue(s.Source, out var o)
                ? new SourceDigestLink(s.Source, o.Title, o.Url, s.Days, s.Newest)
                : new SourceDigestLink(s.Source, $"the arXiv source {s.Source}", null, s.Days, s.Newest))
            .ToList();

    public async Task<SourceDigestLink?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await SourcesAsync(cancellationToken)).FirstOrDefault(s => s.Name == name);

    /// <summary>The papers of one source's digest of one day, most relevant first, each with its stored summaries (a fixed number of queries); empty when there is none.</summary>
    public async Task<IReadOnlyList<(ReaderPaper Paper, PaperRelevance Relevance)>> PapersAsync(string name, DateOnly date, CancellationToken cancellationToken)
    {
        var digest = await listings.DigestAsync(name, date, cancellationToken);
        var relevance = digest.ToDictionary(d => d.PaperId, d => d.Relevance, StringComparer.Ordinal);
        return (await reader.PapersAsync(digest.Select(d => d.PaperId).ToList(), cancellationToken)).Select(p => (p, relevance[p.Paper.Id.Id])).ToList();
    }

    /// <summary>The reason <paramref name="name"/> or <paramref name="dateText"/> cannot be a source's day (a 400), or null.</summary>
    public static string? Malformed(string name, string dateText, out DateOnly date)
    {
        date = default;
        if (!SourceOptions.IsName(name)) return $"'{name}' is not a source name (lower-case letters, digits, '-' or '_').";
        return DateOnly.TryParseExact(dateText.TrimEnd('/'), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? null : $"'{dateText}' is not a day (YYYY-MM-DD).";
    }

    /// <summary>The latest Hugging Face digest; when there is none but a source has digests, the archive (which lists them).</summary>
    public async Task<WebPage> HomeAsync(WebLinks links, CancellationToken cancellationToken) =>
        (await reader.ArchiveAsync(cancellationToken)).Count == 0 && (await SourcesAsync(cancellationToken)).Count > 0
            ? await ArchiveAsync(links, cancellationToken)
            : await pages.HomeAsync(links, cancellationToken);

    /// <summary>/daily/: the sources with digests, then the Hugging Face days by month.</summary>
    public async Task<WebPage> ArchiveAsync(WebLinks links, CancellationToken cancellationToken) =>
        new(200, DailyPageRenderer.Archive(await reader.ArchiveAsync(cancellationToken), links, await SourcesAsync(cancellationToken)));

    /// <summary>/daily/&lt;source&gt;/: the source's days, newest first.</summary>
    public async Task<WebPage> SourceArchiveAsync(string name, WebLinks links, CancellationToken cancellationToken)
    {
        name = name.TrimEnd('/');
        if (!SourceOptions.IsName(name)) return BadRequest($"'{name}' is not a source name (lower-case letters, digits, '-' or '_').", links);
        if (await FindAsync(name, cancellationToken) is not { } source) return ReaderPageService.NotFound($"No digest of a source '{name}' is stored.", links);
        return new WebPage(200, SourceDigestPageRenderer.Archive(source, await DaysAsync(name, cancellationToken), links));
    }

    /// <summary>/daily/&lt;source&gt;/&lt;date&gt;: that day's digest, most relevant first.</summary>
    public async Task<WebPage> SourceDayAsync(string name, string dateText, WebLinks links, CancellationToken cancellationToken)
    {
        if (Malformed(name, dateText, out var date) is { } error) return BadRequest(error, links);
        if (await FindAsync(name, cancellationToken) is not { } source) return ReaderPageService.NotFound($"No digest of a source '{name}' is stored.", links);
        var papers = await PapersAsync(name, date, cancellationToken);
        if (papers.Count == 0) return ReaderPageService.NotFound($"No digest of '{name}' for {dateText.TrimEnd('/')}.", links);
        return new WebPage(200, SourceDigestPageRenderer.Day(source, date, papers, await DaysAsync(name, cancellationToken), links));
    }

    /// <summary>/feeds/daily/&lt;source&gt;.atom: the papers of the source's newest few digests, newest day first; null for an unknown source.</summary>
    public async Task<WebPage?> SourceFeedAsync(string file, string baseUrl, bool isStatic, CancellationToken cancellationToken)
    {
        var name = file.EndsWith(".atom", StringComparison.Ordinal) ? file[..^5] : file;
        if (!SourceOptions.IsName(name) || await FindAsync(name, cancellationToken) is not { } source) return null;
        var entries = new List<(ReaderPaper, DateOnly)>();
        foreach (var (date, _) in (await listings.DaysAsync(name, cancellationToken)).Take(ReaderPageService.FeedDays))
            entries.AddRange((await PapersAsync(name, date, cancellationToken)).Select(p => (p.Paper, date)));
        return new WebPage(200, AtomFeedRenderer.Render(SourceDigestPageRenderer.FeedTitle(source), $"feeds/daily/{name}.atom", entries, baseUrl, isStatic,
            alternate: l => l.SourceArchive(name)), "application/atom+xml; charset=utf-8");
    }

    private async Task<IReadOnlyList<CountedLabel>> DaysAsync(string name, CancellationToken cancellationToken) =>
        (await listings.DaysAsync(name, cancellationToken)).Select(d => new CountedLabel(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Papers)).ToList();

    private static WebPage BadRequest(string message, WebLinks links) => new(400, HtmlLayout.Error(400, "Bad request", message, links));
}
