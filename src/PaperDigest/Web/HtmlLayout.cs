using System.Text;

namespace PaperDigest.Web;

/// <summary>The page frame shared by every reader page: header with navigation and search, readable typography, no scripts.</summary>
internal static class HtmlLayout
{
    /// <summary>No script may run on any page; styles are inline; forms post only to the reader itself.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The site icon, inline (no request, so no 404 on any page, server or static site): a page with a fold.</summary>
    public const string Favicon = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M3 1h7l3 3v11H3z' fill='%230b57d0'/%3E%3Cpath d='M5 7h6M5 10h6M5 13h4' stroke='%23fff'/%3E%3C/svg%3E";

    public const string DefaultDescription = "PaperDigest: daily AI paper digests from Hugging Face Daily Papers and arXiv topic tracking, summarized and checked against the paper.";

    /// <param name="lang">The page's language, following its content: a digest's language ("zh" is written zh-Hans), else English.</param>
    /// <param name="description">The meta description; a default one names the site.</param>
    public static string Page(string title, string body, WebLinks links, string? feedHref = null, string? feedTitle = null, string? query = null,
        string lang = "en", string? description = null)
    {
        var sb = new StringBuilder(body.Length + 4096);
        // The CSP is sent as a response header (frame-ancestors is ignored in a <meta>); the static site gets none.
        sb.Append("<!doctype html>\n<html lang=\"").Append(HtmlLang(lang)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta name=\"description\" content=\"").Append(Html.Encode(Papers.Whitespace.Collapse(description ?? DefaultDescription))).Append("\">\n")
          .Append("<link rel=\"icon\" href=\"").Append(Favicon).Append("\">\n")
          .Append("<title>").Append(Html.Encode(title)).Append(" · PaperDigest</title>\n")
          .Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"PaperDigest daily\" href=\"").Append(Html.Encode(links.DailyFeed)).Append("\">\n");
        if (feedHref is not null)
            sb.Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").Append(Html.Encode(feedTitle ?? title)).Append("\" href=\"").Append(Html.Encode(feedHref)).Append("\">\n");
        sb.Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n<header class=\"site\">\n")
          .Append("<a class=\"brand\" href=\"").Append(Html.Encode(links.Home)).Append("\">PaperDigest</a>\n<nav aria-label=\"Site\">")
          .Append("<a href=\"").Append(Html.Encode(links.Archive)).Append("\">Archive</a>")
          .Append("<a href=\"").Append(Html.Encode(links.Topics)).Append("\">Topics</a>")
          .Append("<a href=\"").Append(Html.Encode(links.Trends)).Append("\">Trends</a>")
          .Append("<a href=\"").Append(Html.Encode(feedHref ?? links.DailyFeed)).Append("\">Feed</a></nav>\n");
        // The static site has no server to search with: no box that cannot search (search/index.html says why).
        if (!links.Static)
            sb.Append("<form class=\"search\" role=\"search\" method=\"get\" action=\"").Append(Html.Encode(links.Search)).Append("\">")
              .Append("<input type=\"search\" name=\"q\" aria-label=\"Search\" placeholder=\"Search papers · 搜索论文\" value=\"").Append(Html.Encode(query)).Append("\">")
              .Append("<button type=\"submit\">Search</button></form>\n");
        sb.Append("</header>\n<main>\n")
          .Append(body)
          .Append("\n</main>\n<footer>PaperDigest · summaries are written by a language model and checked against the paper; numbers it could not find are <mark class=\"unsupported\">marked</mark>.</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The BCP 47 tag of a digest language: zh is Simplified Chinese.</summary>
    public static string HtmlLang(string lang) => lang switch
    {
        "zh" => "zh-Hans",
        "" => "en",
        _ => Html.Encode(lang),
    };

    /// <summary>The lang attribute for text in <paramref name="textLang"/> inside a page in <paramref name="pageLang"/>; empty when they agree.</summary>
    public static string LangAttribute(string textLang, string pageLang) =>
        HtmlLang(textLang) == HtmlLang(pageLang) ? "" : $" lang=\"{HtmlLang(textLang)}\"";

    public static string Error(int status, string heading, string message, WebLinks links) =>
        Page($"{status} {heading}", $"<h1>{Html.Encode(heading)}</h1>\n<p class=\"lead\">{Html.Encode(message)}</p>\n<p><a href=\"{Html.Encode(links.Home)}\">Latest digest</a> · <a href=\"{Html.Encode(links.Archive)}\">Archive</a></p>", links);

    private const string Css =
        """
        :root{--fg:#1d1d1f;--muted:#5f6368;--bg:#fdfdfc;--card:#fff;--line:#e4e4e0;--accent:#0b57d0;--mark:#fff1a8;--warn:#fde2e1}
        @media (prefers-color-scheme:dark){:root{--fg:#e8e8e6;--muted:#a0a4a8;--bg:#151617;--card:#1d1f21;--line:#34373a;--accent:#8ab4f8;--mark:#5c4d00;--warn:#5c1f1c}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.7 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
        header.site,main,footer{max-width:46rem;margin:0 auto;padding:0 1.1rem}
        header.site{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1.2rem;padding-top:1rem;padding-bottom:.8rem;border-bottom:1px solid var(--line)}
        .brand{font-weight:700;font-size:1.15rem;color:var(--fg);text-decoration:none;letter-spacing:-.01em}
        nav{display:flex;gap:1rem;font-size:.95rem}
        form.search{display:flex;gap:.4rem;flex:1 1 14rem}
        form.search input{flex:1;min-width:0}
        input,select,button{font:inherit;font-size:.95rem;padding:.35rem .6rem;border:1px solid var(--line);border-radius:6px;background:var(--card);color:var(--fg)}
        button{cursor:pointer}
        a{color:var(--accent);text-decoration:underline;text-underline-offset:.18em;text-decoration-thickness:1px}
        a:hover{text-decoration-thickness:2px}
        h1{font-size:1.75rem;line-height:1.3;margin:1.6rem 0 .6rem;letter-spacing:-.015em}
        h2{font-size:1.2rem;line-height:1.4;margin:0 0 .3rem}
        h3{font-size:1rem;margin:1.2rem 0 .3rem}
        .lead{color:var(--muted);margin-top:0}
        .meta{color:var(--muted);font-size:.9rem}
        .meta a{white-space:nowrap}
        article.paper{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.2rem;margin:1rem 0}
        dl.summary{margin:.6rem 0 0}
        dl.summary dt{font-weight:600;font-size:.92rem;margin-top:.55rem}
        dl.summary dd{margin:0}
        .items{margin:.2rem 0;padding-left:1.4rem}
        .items li{margin:.15rem 0}
        .tags{display:flex;flex-wrap:wrap;gap:.35rem;padding:0;margin:.2rem 0;list-style:none}
        .tags li{background:var(--bg);border:1px solid var(--line);border-radius:99px;padding:0 .6rem;font-size:.85rem}
        mark{background:var(--mark);color:var(--fg);padding:0 .1em;border-radius:2px}
        mark.unsupported{background:var(--warn);text-decoration:underline dotted}
        .badge{display:inline-block;font-size:.75rem;border:1px solid var(--line);border-radius:4px;padding:0 .4rem;color:var(--muted);vertical-align:middle}
        .failed{color:#b3261e}
        section{margin:1.6rem 0}
        blockquote.abstract{margin:0;padding:0 0 0 1rem;border-left:3px solid var(--line);color:var(--fg)}
        ul.archive{padding-left:1.2rem}
        ol.results{padding-left:1.4rem}
        ol.results li{margin:.9rem 0}
        .filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.8rem 0;font-size:.92rem}
        .pager{display:flex;gap:1rem;justify-content:space-between;margin:1.4rem 0}
        svg{max-width:100%;height:auto}
        svg text{fill:var(--fg);font-size:15px}
        svg text.axis{fill:var(--muted)}
        ul.bars{list-style:none;padding:0;margin:.4rem 0}
        ul.bars li{display:grid;grid-template-columns:minmax(6rem,14rem) 1fr;gap:.6rem;align-items:center;margin:.15rem 0;font-size:.92rem}
        ul.bars .bar{display:block;background:var(--accent);height:.9rem;border-radius:2px;min-width:2px}
        ul.bars .count{color:var(--muted);font-size:.85rem;margin-left:.3rem}
        ul.bars li>span:last-child{display:flex;align-items:center}
        svg rect.bar{fill:var(--accent)}
        footer{color:var(--muted);font-size:.82rem;border-top:1px solid var(--line);margin-top:2.5rem;padding-top:.8rem;padding-bottom:2rem}
        @media (max-width:560px){body{font-size:16px}h1{font-size:1.45rem}article.paper{padding:.8rem .9rem}}
        """;
}
