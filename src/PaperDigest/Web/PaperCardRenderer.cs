using System.Globalization;
using System.Text;
using PaperDigest.Papers;

namespace PaperDigest.Web;

/// <summary>Pure renderer of the pieces every paper list shares: the card of a paper, its author line, its links.</summary>
internal static class PaperCardRenderer
{
    /// <param name="relevance">How the paper matched the reader's profile (a named source's digest): its score and why, shown when there is either.</param>
    public static string Card(ReaderPaper item, WebLinks links, int? number = null, PaperRelevance? relevance = null)
    {
        var p = item.Paper;
        var sb = new StringBuilder("<article class=\"paper\">");
        sb.Append("<h2>").Append(number is { } n ? $"<span class=\"meta\">{n}.</span> " : "")
          .Append("<a href=\"").Append(Html.Encode(links.Paper(p.Id.Id))).Append("\" lang=\"en\">").Append(Html.Encode(Whitespace.Collapse(p.Title))).Append("</a></h2>");
        sb.Append("<p class=\"meta\">").Append(Html.Encode(Authors(p.Authors, 6)));
        if (p.Upvotes is > 0) sb.Append(" · ▲ ").Append(p.Upvotes.Value.ToString(CultureInfo.InvariantCulture));
        sb.Append("<br>").Append(Links(p)).Append("</p>");
        if (relevance is { IsEmpty: false } r)
        {
            sb.Append("<p class=\"meta relevance\">Relevance <strong>").Append(r.Score.ToString("0.00", CultureInfo.InvariantCulture)).Append("</strong>");
            if (r.Why.Count > 0) sb.Append(" · ").AppendJoin("; ", r.Why.Select(w => Html.Encode(Whitespace.Collapse(w))));
            sb.Append("</p>");
        }
        if (item.Preferred is { } summary)
        {
            sb.Append(SummaryHtmlRenderer.Fields(summary));
            sb.Append("<p class=\"meta\">").Append(Html.Encode(SummaryHtmlRenderer.StyleName(summary.Key.Style))).Append(" · ")
              .Append(Html.Encode(SummaryHtmlRenderer.SourceText(summary.Source)));
            if (summary.Unsupported.Count > 0) sb.Append(" · ⚠ ").Append(summary.Unsupported.Count.ToString(CultureInfo.InvariantCulture)).Append(" unsupported numbers");
            sb.Append("</p>");
        }
        else if (item.Translation is { } translation)
        {
            var text = Whitespace.Collapse(translation.Text);
            sb.Append("<p lang=\"").Append(HtmlLayout.HtmlLang(translation.Lang)).Append("\">").Append(Html.Encode(text.Length > 300 ? text[..300] + "…" : text)).Append("</p>");
        }
        else if (p.Abstract.Length > 0)
        {
            var text = Whitespace.Collapse(p.Abstract);
            sb.Append("<p lang=\"en\">").Append(Html.Encode(text.Length > 420 ? text[..420] + "…" : text)).Append("</p>");
        }
        return sb.Append("</article>").ToString();
    }

    public static string Authors(IReadOnlyList<string> authors, int max) =>
        authors.Count == 0 ? "" : authors.Count <= max ? string.Join(", ", authors) : string.Join(", ", authors.Take(max)) + $" et al. ({authors.Count})";

    /// <summary>abs · PDF · HTML · code, all to arXiv except code (an http(s) URL only).</summary>
    public static string Links(Paper p)
    {
        var sb = new StringBuilder();
        sb.Append("<a href=\"").Append(Html.Encode(WebLinks.Abs(p.Id.Id))).Append("\">arXiv:").Append(Html.Encode(p.Id.Versioned)).Append("</a> · ")
          .Append("<a href=\"").Append(Html.Encode(WebLinks.Pdf(p.Id.Id))).Append("\">PDF</a> · ")
          .Append("<a href=\"").Append(Html.Encode(WebLinks.ArxivHtml(p.Id.Id))).Append("\">HTML</a>");
        if (Html.SafeUrl(p.CodeUrl) is { } code)
        {
            sb.Append(" · <a href=\"").Append(Html.Encode(code)).Append("\">code</a>");
            if (p.GithubStars is > 0) sb.Append(" ★ ").Append(p.GithubStars.Value.ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
