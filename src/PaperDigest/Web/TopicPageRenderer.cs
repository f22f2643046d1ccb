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
        return HtmlLayout.Page(topic, sb.ToString(), links, links.TopicFeed(topic), $"PaperDigest: {topic}");
    }
}
