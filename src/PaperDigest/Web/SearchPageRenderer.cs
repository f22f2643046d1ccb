using System.Globalization;
using System.Text;
using PaperDigest.Search;

namespace PaperDigest.Web;

/// <summary>Pure renderer of /search: the form with its filters, the ranked results with highlighted snippets, the pager.</summary>
internal static class SearchPageRenderer
{
    public static string Render(SearchForm form, SearchPage? page, string? error, IReadOnlyList<CountedLabel> topics, WebLinks links)
    {
        var sb = new StringBuilder("<h1>Search</h1>");
        sb.Append(Form(form, topics, links));
        if (error is not null) sb.Append("<p class=\"failed\">").Append(Html.Encode(error)).Append("</p>");
        else if (page is null) sb.Append("<p class=\"lead\">Search titles, authors, abstracts and summaries, in English or Chinese (中文).</p>");
        else if (page.Total == 0)
            sb.Append("<p class=\"lead\">").Append(page.Bounded ? "None of the best-ranked matches passes the filters: so many papers match that not all are ranked; add words to narrow the search." : "No papers match.").Append("</p>");
        else
        {
            var first = (page.Query.Page - 1) * page.Query.PageSize + 1;
            var total = page.Total.ToString("N0", CultureInfo.InvariantCulture);
            sb.Append("<p class=\"lead\">").Append(page.Bounded ? $"At least {total} papers match" : $"{total} papers match")
              .Append(page.Hits.Count > 0 ? $"; {first}–{first + page.Hits.Count - 1} shown" : "; no more results on this page").Append('.')
              .Append(page.Bounded ? $" So many match that only the best {total} are ranked: add words or filters to narrow the search." : "").Append("</p>");
            var terms = page.Terms.All.ToList();
            sb.Append("<ol class=\"results\" start=\"").Append(first.ToString(CultureInfo.InvariantCulture)).Append("\">");
            foreach (var hit in page.Hits)
            {
                sb.Append("<li><a href=\"").Append(Html.Encode(links.Paper(hit.Id))).Append("\">")
                  .Append(Html.Marked(hit.Title, terms, null, null, StringComparison.OrdinalIgnoreCase)).Append("</a>")
                  .Append("<div class=\"meta\">").Append(Html.Encode(hit.Id));
                if (hit.Date is { } d) sb.Append(" · ").Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                sb.Append(" · ").Append(Html.Encode(PaperCardRenderer.Authors(hit.Authors, 3)));
                if (Html.SafeUrl(hit.CodeUrl) is { } code) sb.Append(" · <a href=\"").Append(Html.Encode(code)).Append("\">code</a>");
                sb.Append("</div><div>").Append(Html.Marked(hit.Snippet, terms, null, null, StringComparison.OrdinalIgnoreCase)).Append("</div></li>");
            }
            sb.Append("</ol>");
            sb.Append("<nav class=\"pager\" aria-label=\"Result pages\">")
              .Append(page.Query.Page > 1 ? $"<a href=\"{Html.Encode(links.Search + "?" + form.QueryString(page.Query.Page - 1))}\">← Previous</a>" : "<span></span>")
              .Append("<span class=\"meta\">page ").Append(page.Query.Page.ToString(CultureInfo.InvariantCulture)).Append(" of ").Append(Math.Max(1, page.Pages).ToString(CultureInfo.InvariantCulture)).Append("</span>")
              .Append(page.Query.Page < page.Pages ? $"<a href=\"{Html.Encode(links.Search + "?" + form.QueryString(page.Query.Page + 1))}\">Next →</a>" : "<span></span>")
              .Append("</nav>");
        }
        return HtmlLayout.Page(form.Q.Length > 0 ? $"Search: {form.Q}" : "Search", sb.ToString(), links, query: form.Q);
    }

    /// <summary>The static site has no server to search with: it says so and points to the alternatives.</summary>
    public static string StaticNote(WebLinks links) =>
        HtmlLayout.Page("Search", "<h1>Search</h1><p class=\"lead\">This is the static edition of PaperDigest, which cannot search. " +
            $"Browse the <a href=\"{Html.Encode(links.Archive)}\">archive</a>, or run <code>paperdigest serve</code> (or <code>paperdigest search &lt;query&gt;</code>) for full-text search in English and Chinese.</p>", links);

    private static string Form(SearchForm form, IReadOnlyList<CountedLabel> topics, WebLinks links)
    {
        var sb = new StringBuilder("<form method=\"get\" action=\"").Append(Html.Encode(links.Search)).Append("\">");
        sb.Append("<div class=\"filters\"><input type=\"search\" name=\"q\" aria-label=\"Query\" style=\"flex:1 1 16rem\" value=\"").Append(Html.Encode(form.Q)).Append("\">")
          .Append("<button type=\"submit\">Search</button></div><div class=\"filters\">")
          .Append("<label>From <input type=\"date\" name=\"from\" value=\"").Append(Html.Encode(form.From)).Append("\"></label>")
          .Append("<label>To <input type=\"date\" name=\"to\" value=\"").Append(Html.Encode(form.To)).Append("\"></label>");
        if (topics.Count > 0)
        {
            sb.Append("<label>Topic <select name=\"topic\"><option value=\"\">any</option>");
            foreach (var t in topics)
                sb.Append("<option").Append(t.Label == form.Topic ? " selected" : "").Append(" value=\"").Append(Html.Encode(t.Label)).Append("\">").Append(Html.Encode(t.Label)).Append("</option>");
            sb.Append("</select></label>");
        }
        sb.Append("<label><input type=\"checkbox\" name=\"code\" value=\"1\"").Append(form.Code ? " checked" : "").Append("> has code</label></div></form>");
        return sb.ToString();
    }
}
