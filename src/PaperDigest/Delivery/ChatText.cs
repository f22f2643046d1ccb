using System.Net;
using System.Text;

namespace PaperDigest.Delivery;

/// <summary>Escaping of untrusted text (titles, summaries) for each markup a channel reads.</summary>
internal static class ChatText
{
    /// <summary>HTML text and attribute values (email, Telegram): &amp; &lt; &gt; &quot; &#39;.</summary>
    public static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Slack mrkdwn: only &amp;, &lt; and &gt; are control characters (Slack's "Escaping text" rule), so links and mentions cannot be forged.</summary>
    public static string Slack(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Markdown (Feishu, DingTalk, WeCom, Discord): every punctuation Markdown reads is backslash-escaped; no HTML either.</summary>
    public static string Markdown(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if ("\\`*_{}[]()<>#+-.!|~@".Contains(c, StringComparison.Ordinal)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A link target in Markdown: only an http(s) address, with the characters that would end it encoded.</summary>
    public static string MarkdownUrl(string url) => SafeUrl(url).Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);

    /// <summary>An address from the digest is used only when it is http(s); anything else (javascript:) becomes arXiv's search.</summary>
    public static string SafeUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.AbsoluteUri : "https://arxiv.org/";
}
