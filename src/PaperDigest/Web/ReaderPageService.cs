using System.Globalization;
using PaperDigest.Papers;

namespace PaperDigest.Web;

/// <summary>
/// Reads the store and renders each reader page; shared by the server's endpoints and the static site, which differ
/// only in their links. Unknown days, papers and topics are 404 pages.
/// </summary>
internal sealed class ReaderPageService(ReaderStore reader, ReaderTranslations translations)
{
    public const int FeedDays = 3;
    public const int TopicLimit = 100;
    public const int TrendDays = 56; // up to 8 weeks: a bar a day; longer histories a bar a week or month

    public async Task<WebPage> HomeAsync(WebLinks links, CancellationToken cancellationToken)
    {
        var archive = await reader.ArchiveAsync(cancellationToken);
        if (archive.Count == 0) return new WebPage(200, DailyPageRenderer.Empty(links));
        var date = ParseDay(archive[0].Label);
        return new WebPage(200, DailyPageRenderer.Day(date, await DigestOfDayAsync(date, cancellationToken), archive, links, home: true));
    }

    public async Task<WebPage> DayAsync(string text, WebLinks links, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(text.TrimEnd('/'), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return NotFound($"'{text}' is not a day (YYYY-MM-DD).", links);
        var papers = await DigestOfDayAsync(date, cancellationToken);
        if (papers.Count == 0) return NotFound($"No digest for {text}: nothing was published on that day.", links);
        return new WebPage(200, DailyPageRenderer.Day(date, papers, await reader.ArchiveAsync(cancellationToken), links));
    }

    public async Task<WebPage> PaperAsync(string text, WebLinks links, CancellationToken cancellationToken)
    {
        if (!ArxivId.TryParse(text, out var id)) return NotFound($"'{text}' is not an arXiv id.", links);
        var paper = await reader.PaperAsync(id.Id, cancellationToken);
        if (paper is null) return NotFound($"No paper {id.Id} is stored.", links);
        return new WebPage(200, PaperPageRenderer.Render((await TranslatedAsync([paper], cancellationToken))[0], links));
    }

    public async Task<WebPage> TopicAsync(string name, WebLinks links, CancellationToken cancellationToken)
    {
        var topics = await reader.TopicsAsync(cancellationToken);
        if (FindTopic(topics, name) is not { } topic) return NotFound($"No topic '{name}'.", links);
        var papers = await TranslatedAsync(await reader.TopicAsync(topic, TopicLimit, cancellationToken), cancellationToken);
        return new WebPage(200, TopicPageRenderer.Render(topic, papers, topics, links));
    }

    public async Task<WebPage> TopicsAsync(WebLinks links, CancellationToken cancellationToken) =>
        new(200, TopicPageRenderer.Index(await reader.TopicsAsync(cancellationToken), links));

    public async Task<WebPage> TrendsAsync(WebLinks links, CancellationToken cancellationToken) =>
        new(200, TrendsPageRenderer.Render(await reader.TrendsAsync(TrendDays, cancellationToken), links));

    /// <summary>The papers of the newest few days, newest day first, in listing order.</summary>
    public async Task<WebPage> DailyFeedAsync(string baseUrl, bool isStatic, CancellationToken cancellationToken)
    {
        var entries = new List<(ReaderPaper, DateOnly)>();
        foreach (var day in (await reader.ArchiveAsync(cancellationToken)).Take(FeedDays))
        {
            var date = ParseDay(day.Label);
            entries.AddRange((await DigestOfDayAsync(date, cancellationToken)).Select(p => (p, date)));
        }
        var translated = await translations.ForPapersAsync(entries.Select(e => e.Item1.Paper.Id.Id), cancellationToken);
        return new WebPage(200, AtomFeedRenderer.Render("PaperDigest: daily papers", "feeds/daily.atom", entries, baseUrl, isStatic, translations: translated), "application/atom+xml; charset=utf-8");
    }

    public async Task<WebPage?> TopicFeedAsync(string name, string baseUrl, bool isStatic, CancellationToken cancellationToken)
    {
        if (name.EndsWith(".atom", StringComparison.Ordinal)) name = name[..^5];
        if (FindTopic(await reader.TopicsAsync(cancellationToken), name) is not { } topic) return null;
        var papers = await reader.TopicAsync(topic, 50, cancellationToken);
        var entries = papers.Select(p => (p, p.Paper.Published ?? new DateOnly(2000, 1, 1))).ToList();
        var self = "feeds/topics/" + (isStatic ? WebLinks.Slug(topic) : Uri.EscapeDataString(topic)) + ".atom";
        var translated = await translations.ForPapersAsync(papers.Select(p => p.Paper.Id.Id), cancellationToken);
        return new WebPage(200, AtomFeedRenderer.Render($"PaperDigest: {topic}", self, entries, baseUrl, isStatic, topic, translated), "application/atom+xml; charset=utf-8");
    }

    /// <summary>
    /// The papers of a day's digest: those of the day's listing that have a stored summary (a digest limited with
    /// --limit summarizes only its papers); the whole listing when none has one (a day listed without summaries).
    /// </summary>
    private async Task<IReadOnlyList<ReaderPaper>> DigestOfDayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var listed = await reader.DayAsync(date, cancellationToken);
        var summarized = listed.Where(p => p.Summaries.Count > 0).ToList();
        return summarized.Count > 0 ? summarized : listed;
    }

    /// <summary>The papers with their stored translations (the tracker's), for pages that show abstracts.</summary>
    private async Task<IReadOnlyList<ReaderPaper>> TranslatedAsync(IReadOnlyList<ReaderPaper> papers, CancellationToken cancellationToken)
    {
        var found = await translations.ForPapersAsync(papers.Select(p => p.Paper.Id.Id), cancellationToken);
        return papers.Select(p => found.GetValueOrDefault(p.Paper.Id.Id) is { } t ? p with { Translation = t } : p).ToList();
    }

    public static WebPage NotFound(string message, WebLinks links) => new(404, HtmlLayout.Error(404, "Not found", message, links));

    /// <summary>A topic by its exact name, its name in any case, or its slug (the static site's file name).</summary>
    internal static string? FindTopic(IReadOnlyList<CountedLabel> topics, string name) =>
        topics.FirstOrDefault(t => t.Label == name)?.Label
        ?? topics.FirstOrDefault(t => string.Equals(t.Label, name, StringComparison.OrdinalIgnoreCase))?.Label
        ?? topics.FirstOrDefault(t => WebLinks.Slug(t.Label) == name)?.Label;

    private static DateOnly ParseDay(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
