using System.Net;
using System.Text;

namespace PaperDigest.Web;

/// <summary>HTML encoding for text from papers and LLMs: everything shown is encoded; links only to http(s).</summary>
internal static class Html
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>An http(s) URL safe for href, or null (javascript:, data: and relative URLs from a paper are not links).</summary>
    public static string? SafeUrl(string? url) => Papers.WebLink.Safe(url);

    /// <summary>Encodes text and wraps each occurrence of a needle in &lt;mark&gt; (search terms, unsupported numbers).</summary>
    public static string Marked(string text, IEnumerable<string> needles, string? cssClass, string? title, StringComparison comparison)
    {
        var list = needles.Where(n => n.Length > 0).Distinct().OrderByDescending(n => n.Length).ToList();
        if (list.Count == 0) return Encode(text);
        var open = "<mark" + (cssClass is null ? "" : $" class=\"{cssClass}\"") + (title is null ? "" : $" title=\"{Encode(title)}\"") + ">";
        var sb = new StringBuilder();
        var at = 0;
        while (at < text.Length)
        {
            var (index, needle) = list.Select(n => (Index: text.IndexOf(n, at, comparison), Needle: n))
                .Where(x => x.Index >= 0).OrderBy(x => x.Index).FirstOrDefault();
            if (needle is null) break;
            sb.Append(Encode(text[at..index])).Append(open).Append(Encode(text.Substring(index, needle.Length))).Append("</mark>");
            at = index + needle.Length;
        }
        return sb.Append(Encode(text[at..])).ToString();
    }
}
