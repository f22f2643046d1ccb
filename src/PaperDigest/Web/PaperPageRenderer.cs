using System.Globalization;
using System.Text;
using PaperDigest.Papers;

namespace PaperDigest.Web;

/// <summary>Pure renderer of /papers/&lt;id&gt;: title, authors, links, every stored summary with its source, the abstract.</summary>
internal static class PaperPageRenderer
{
    public static string Render(ReaderPaper item, WebLinks links)
    {
        var p = item.Paper;
        var sb = new StringBuilder();
        sb.Append("<h1 lang=\"en\">").Append(Html.Encode(Whitespace.Collapse(p.Title))).Append("</h1>");
        if (p.Authors.Count <= 12)
            sb.Append("<p class=\"lead\">").Append(Html.Encode(string.Join(", ", p.Authors))).Append("</p>");
        else // a 100-author paper: the first ones, the rest one click away (no script: <details>)
            sb.Append("<details class=\"lead\"><summary>").Append(Html.Encode(PaperCardRenderer.Authors(p.Authors, 10)))
              .Append("</summary>").Append(Html.Encode(string.Join(", ", p.Authors))).Append("</details>");
        sb.Append("<p class=\"meta\">").Append(PaperCardRenderer.Links(p));
        if (p.Published is { } published) sb.Append(" · published ").Append(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (p.Categories.Count > 0) sb.Append(" · ").Append(Html.Encode(string.Join(" ", p.Categories.Take(6))));
        if (p.Upvotes is > 0) sb.Append(" · ▲ ").Append(p.Upvotes.Value.ToString(CultureInfo.InvariantCulture));
        if (item.Listed.Count > 0)
            sb.Append("<br>Listed on ").AppendJoin(", ", item.Listed.Select(d =>
                $"<a href=\"{Html.Encode(links.Daily(d))}\">{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</a>"));
        if (item.Topics.Count > 0)
            sb.Append("<br>Topics: ").AppendJoin(", ", item.Topics.Select(t => $"<a href=\"{Html.Encode(links.Topic(t))}\">{Html.Encode(t)}</a>"));
        sb.Append("</p>");

        if (item.Summaries.Count == 0) sb.Append("<p class=\"meta\">No summary has been written for this paper yet.</p>");
        foreach (var summary in item.Summaries) sb.Append(SummaryHtmlRenderer.Section(summary));

        sb.Append("<section><h2>Abstract</h2>");
        if (item.Translation is { } translation)
            sb.Append("<blockquote class=\"abstract translation\"><p lang=\"").Append(HtmlLayout.HtmlLang(translation.Lang)).Append("\">")
              .Append(Html.Encode(Whitespace.Collapse(translation.Text))).Append("</p></blockquote><p class=\"meta\">Translated by the tracker's language model; the original:</p>");
        sb.Append("<blockquote class=\"abstract\"><p lang=\"en\">").Append(Html.Encode(Whitespace.Collapse(p.Abstract))).Append("</p></blockquote>");
        if (!string.IsNullOrWhiteSpace(p.Comment)) sb.Append("<p class=\"meta\">Comment: ").Append(Html.Encode(Whitespace.Collapse(p.Comment))).Append("</p>");
        if (p.AiSummary is { Length: > 0 } ai) sb.Append("<h3>Hugging Face summary</h3><p>").Append(Html.Encode(Whitespace.Collapse(ai))).Append("</p>");
        sb.Append("</section>");
        var lang = item.Summaries.FirstOrDefault(s => s.IsOk)?.Key.Lang ?? item.Translation?.Lang ?? "en";
        return HtmlLayout.Page(Whitespace.Collapse(p.Title), sb.ToString(), links, lang: lang,
            description: $"PaperDigest: summaries of arXiv {p.Id.Id}, {Whitespace.Collapse(p.Title)}.");
    }
}
