using System.Globalization;
using System.Text;
using PaperDigest.Papers;

namespace PaperDigest.Web;

/// <summary>
/// Pure renderers of a named arXiv source's pages (`daily --source NAME`): one day's digest, most relevant first with each
/// paper's score and why, and the source's archive of days. Cards, months and pager are the Hugging Face day's.
/// </summary>
internal static class SourceDigestPageRenderer
{
    public static string Day(SourceDigestLink source, DateOnly date, IReadOnlyList<(ReaderPaper Paper, PaperRelevance Relevance)> papers,
        IReadOnlyList<CountedLabel> days, WebLinks links)
    {
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var ranked = papers.Any(p => !p.Relevance.IsEmpty);
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(Html.Encode(source.Name)).Append(": papers for ").Append(day).Append("</h1>");
        sb.Append("<p class=\"lead\">").Append(papers.Count.ToString(CultureInfo.InvariantCulture)).Append(" papers from ").Append(Origin(source))
          .Append(ranked ? ", most relevant to your profile first" : ", in listing order (no profile was configured)")
          .Append(" · <a href=\"").Append(Html.Encode(links.SourceFeed(source.Name))).Append("\">Atom feed</a></p>");
        var n = 0;
        foreach (var (paper, relevance) in papers) sb.Append(PaperCardRenderer.Card(paper, links, ++n, relevance));
        sb.Append(DailyPageRenderer.Pager(date, days, d => links.SourceDaily(source.Name, d), links.SourceArchive(source.Name)));
        return HtmlLayout.Page($"{source.Name}: papers for {day}", sb.ToString(), links, links.SourceFeed(source.Name), FeedTitle(source),
            lang: TopicPageRenderer.PageLang(papers.Select(p => p.Paper).ToList()),
            description: $"PaperDigest: {papers.Count} papers of {source.Title} for {day}, ranked by relevance and summarized.");
    }

    public static string Archive(SourceDigestLink source, IReadOnlyList<CountedLabel> days, WebLinks links)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(Html.Encode(source.Name)).Append("</h1>");
        sb.Append("<p class=\"lead\">Daily digests of ").Append(Origin(source)).Append(", most relevant first · <a href=\"")
          .Append(Html.Encode(links.SourceFeed(source.Name))).Append("\">Atom feed</a> · <a href=\"").Append(Html.Encode(links.Archive)).Append("\">all digests</a></p>");
        sb.Append(DailyPageRenderer.Months(days, d => links.SourceDaily(source.Name, d)));
        return HtmlLayout.Page($"{source.Name}: archive", sb.ToString(), links, links.SourceFeed(source.Name), FeedTitle(source),
            description: $"PaperDigest: the daily digests of {source.Title}.");
    }

    public static string FeedTitle(SourceDigestLink source) => $"PaperDigest: {source.Name}";

    /// <summary>What the source reads, linked to its listing when the source is configured.</summary>
    private static string Origin(SourceDigestLink source) => Html.SafeUrl(source.Url) is { } url
        ? $"<a href=\"{Html.Encode(url)}\">{Html.Encode(source.Title)}</a>"
        : Html.Encode(source.Title);
}
