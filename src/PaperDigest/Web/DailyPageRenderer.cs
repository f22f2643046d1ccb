using System.Globalization;
using System.Text;

namespace PaperDigest.Web;

/// <summary>Pure renderers of the daily pages: one day's digest (also the home page) and the archive of days.</summary>
internal static class DailyPageRenderer
{
    public static string Day(DateOnly date, IReadOnlyList<ReaderPaper> papers, IReadOnlyList<CountedLabel> archive, WebLinks links, bool home = false)
    {
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append("<h1>Papers for ").Append(day).Append("</h1>");
        sb.Append("<p class=\"lead\">").Append(papers.Count.ToString(CultureInfo.InvariantCulture)).Append(" papers from ")
          .Append("<a href=\"https://huggingface.co/papers/date/").Append(day).Append("\">Hugging Face Daily Papers</a>, most upvoted first")
          .Append(home ? $" · <a href=\"{Html.Encode(links.Daily(date))}\">permalink</a>" : "").Append("</p>");
        var n = 0;
        foreach (var p in papers) sb.Append(PaperCardRenderer.Card(p, links, ++n));
        sb.Append(Pager(date, archive, links.Daily, links.Archive));
        return HtmlLayout.Page(home ? "Latest digest" : $"Papers for {day}", sb.ToString(), links, lang: TopicPageRenderer.PageLang(papers),
            description: $"PaperDigest: {papers.Count} papers of Hugging Face Daily Papers for {day}, summarized.");
    }

    public static string Empty(WebLinks links) =>
        HtmlLayout.Page("No digest yet",
            "<h1>No digest yet</h1><p class=\"lead\">Nothing has been published. Run <code>paperdigest daily</code> to fetch and summarize a day, " +
            "or <code>paperdigest import FILE.jsonl.xz</code> to load papers for search.</p>", links);

    /// <param name="sources">The named arXiv sources with stored digests (`daily --source`), listed above the days; none: the days only.</param>
    public static string Archive(IReadOnlyList<CountedLabel> days, WebLinks links, IReadOnlyList<SourceDigestLink>? sources = null)
    {
        var sb = new StringBuilder("<h1>Archive</h1>");
        if (sources is { Count: > 0 })
        {
            sb.Append("<h2>arXiv sources</h2><ul class=\"archive\">");
            foreach (var s in sources)
                sb.Append("<li><a href=\"").Append(Html.Encode(links.SourceArchive(s.Name))).Append("\">").Append(Html.Encode(s.Name)).Append("</a> <span class=\"meta\">")
                  .Append(Html.Encode(s.Title)).Append(" · ").Append(s.Days.ToString(CultureInfo.InvariantCulture)).Append(s.Days == 1 ? " day" : " days")
                  .Append(", newest ").Append(s.Newest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</span></li>");
            sb.Append("</ul>");
        }
        if (days.Count == 0) sb.Append("<p class=\"lead\">No days yet.</p>");
        sb.Append(Months(days, links.Daily));
        return HtmlLayout.Page("Archive", sb.ToString(), links);
    }

    /// <summary>Days grouped by month, newest first, each a link (by <paramref name="link"/>) with its paper count.</summary>
    internal static string Months(IReadOnlyList<CountedLabel> days, Func<DateOnly, string> link)
    {
        var sb = new StringBuilder();
        foreach (var month in days.GroupBy(d => d.Label[..7]))
        {
            sb.Append("<h2>").Append(Html.Encode(month.Key)).Append("</h2><ul class=\"archive\">");
            foreach (var d in month)
                sb.Append("<li><a href=\"").Append(Html.Encode(link(DateOnly.ParseExact(d.Label, "yyyy-MM-dd", CultureInfo.InvariantCulture))))
                  .Append("\">").Append(Html.Encode(d.Label)).Append("</a> <span class=\"meta\">").Append(d.Count.ToString(CultureInfo.InvariantCulture)).Append(" papers</span></li>");
            sb.Append("</ul>");
        }
        return sb.ToString();
    }

    /// <summary>Links to the older and the newer day of <paramref name="archive"/> (by <paramref name="link"/>) and to the archive.</summary>
    internal static string Pager(DateOnly date, IReadOnlyList<CountedLabel> archive, Func<DateOnly, string> link, string archiveHref)
    {
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var older = archive.FirstOrDefault(d => string.CompareOrdinal(d.Label, day) < 0);
        var newer = archive.LastOrDefault(d => string.CompareOrdinal(d.Label, day) > 0);
        string Link(CountedLabel? d, string text) => d is null ? "<span></span>" :
            $"<a href=\"{Html.Encode(link(DateOnly.ParseExact(d.Label, "yyyy-MM-dd", CultureInfo.InvariantCulture)))}\">{text}</a>";
        return $"<nav class=\"pager\" aria-label=\"Days\">{Link(older, "← " + older?.Label)}<a href=\"{Html.Encode(archiveHref)}\">Archive</a>{Link(newer, newer?.Label + " →")}</nav>";
    }
}
