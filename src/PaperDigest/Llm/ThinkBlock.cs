using System.Text.RegularExpressions;

namespace PaperDigest.Llm;

/// <summary>
/// Reasoning models (qwen3, deepseek-r1 distills) start their reply with &lt;think&gt;…&lt;/think&gt;, braces and all. It is
/// removed before the reply is parsed, checked or published; so is a reply's leading "…&lt;/think&gt;" when the server's chat
/// template ate the opening tag, and a block never closed (the reply was cut while thinking).
/// </summary>
internal static partial class ThinkBlock
{
    public static string Strip(string reply)
    {
        var s = Closed().Replace(reply, "");
        var close = s.IndexOf("</think>", StringComparison.OrdinalIgnoreCase);
        if (close >= 0) s = s[(close + "</think>".Length)..];
        var open = s.IndexOf("<think>", StringComparison.OrdinalIgnoreCase);
        if (open >= 0) s = s[..open];
        return s.Trim();
    }

    [GeneratedRegex(@"<think>.*?</think>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Closed();
}
