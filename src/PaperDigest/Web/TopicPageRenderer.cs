using System.Globalization;
using System.Text;

namespace PaperDigest.Web;

/// <summary>Pure renderer of /topics/&lt;name&gt;: the tracker topic's papers, newest first, with its feed.</summary>
internal static class TopicPageRenderer
{
    public static string Render(string topic, IReadOnlyList<ReaderPaper> papers, IReadOnlyList<CountedLabel> topics, WebLinks links)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(Html.Encode(topic)).Append("</h1>");
        sb.Append("<p class=\"lead\">").Append(papers.Count.ToString(CultureInfo.InvariantCulture)).Append(" newest papers of this tracker topic · ")
          .Append("<a href=\"").Append(Html.Encode(links.TopicFeed(topic))).Append("\">Atom feed</a></p>");
        if (topics.Count > 1)
            sb.Append("<p class=\"meta\">Other topics: ").AppendJoin(" · ", topics.Where(t => t.Label != topic)
                .Select(t => $"<a href=\"{Html.Encode(links.Topic(t.Label))}\">{Html.Encode(t.Label)}</a>")).Append("</p>");
        foreach (var p in papers) sb.Append(PaperCardRenderer.Card(p, links));
        return HtmlLayout.Page(topic, sb.ToString(), links, links.TopicFeed(topic), $"PaperDigest: {topic}", lang: PageLang(papers),
            description: $"PaperDigest: the newest arXiv papers of the tracker topic {topic}.");
    }

    /// <summary>/topics/: every tracker topic with its paper count.</summary>
    public static string Index(IReadOnlyList<CountedLabel> topics, WebLinks links)
    {
        var sb = new StringBuilder("<h1>Topics</h1>");
        if (topics.Count == 0) sb.Append("<p class=\"lead\">No tracker topics yet. Run <code>paperdigest track</code>.</p>");
        else
        {
            sb.Append("<p class=\"lead\">The arXiv topics the tracker follows.</p><ul class=\"archive\">");
            foreach (var t in topics)
                sb.Append("<li><a href=\"").Append(Html.Encode(links.Topic(t.Label))).Append("\">").Append(Html.Encode(t.Label)).Append("</a> <span class=\"meta\">")
                  .Append(t.Count.ToString(CultureInfo.InvariantCulture)).Append(" papers</span></li>");
            sb.Append("</ul>");
        }
        return HtmlLayout.Page("Topics", sb.ToString(), links, description: "PaperDigest: the arXiv topics the tracker follows.");
    }

    /// <summary>A list page is in the language its summaries are written in, else English.</summary>
    internal static string PageLang(IReadOnlyList<ReaderPaper> papers) =>
        papers.Select(p => p.Preferred?.Key.Lang ?? p.Translation?.Lang).FirstOrDefault(l => !string.IsNullOrEmpty(l)) ?? "en";
}
