using System.Text;
using System.Text.Json.Nodes;

namespace PaperDigest.Delivery;

/// <summary>
/// Pure renderers of a digest into each chat service's message bodies, split at paper boundaries to the service's
/// limits. Titles and summaries are escaped for the markup each service reads; links are only http(s).
/// </summary>
internal static class WebhookMessages
{
    /// <summary>Feishu: a request body of at most 20 KB; the signature fields are added when sent.</summary>
    public const int FeishuMaxBytes = 19_000;
    /// <summary>DingTalk: a markdown message of at most 20,000 bytes.</summary>
    public const int DingTalkMaxBytes = 19_000;
    /// <summary>WeCom: markdown content of at most 4096 bytes (UTF-8).</summary>
    public const int WeComMaxBytes = 4096;
    /// <summary>Slack: at most 50 blocks a message, 3000 characters a section.</summary>
    public const int SlackMaxBlocks = 50, SlackMaxSection = 3000;
    /// <summary>Discord: content of at most 2000 characters.</summary>
    public const int DiscordMaxChars = 2000;
    /// <summary>Telegram: text of at most 4096 characters (counted here before entities are parsed, so with room).</summary>
    public const int TelegramMaxChars = 4096;

    public static IReadOnlyList<JsonObject> Bodies(WebhookOptions hook, DeliveryDigest d) => hook.Type switch
    {
        WebhookType.Feishu => MessageSplitter.Split(d.Papers, (g, part) => Feishu(d, g, part), b => Bytes(b.ToJsonString()) <= FeishuMaxBytes),
        WebhookType.Dingtalk => MessageSplitter.Split(d.Papers, (g, part) => DingTalk(d, g, part), b => Bytes(b.ToJsonString()) <= DingTalkMaxBytes),
        WebhookType.Wecom => MessageSplitter.Split(d.Papers, (g, part) => WeCom(d, g, part), b => Bytes((string)b["markdown"]!["content"]!) <= WeComMaxBytes),
        WebhookType.Slack => MessageSplitter.Split(d.Papers, (g, part) => Slack(d, g, part), SlackFits),
        WebhookType.Discord => MessageSplitter.Split(d.Papers, (g, part) => Discord(d, g, part), b => ((string)b["content"]!).Length <= DiscordMaxChars),
        WebhookType.Telegram => MessageSplitter.Split(d.Papers, (g, part) => Telegram(d, g, part, hook.ChatId!), b => ((string)b["text"]!).Length <= TelegramMaxChars),
        _ => throw new ArgumentOutOfRangeException(nameof(hook), hook.Type, "unknown webhook type"),
    };

    private static int Bytes(string s) => Encoding.UTF8.GetByteCount(s);

    private static string Heading(DeliveryDigest d, (int Part, int Of)? part) =>
        d.Title + (part is { } p ? $" ({p.Part}/{p.Of})" : "");

    private static string Summary(DeliveryPaper p) => string.Join("\n", p.Summary);

    /// <summary>A "post" (rich text): text and link elements, so nothing in a title is read as markup at all.</summary>
    private static JsonObject Feishu(DeliveryDigest d, IReadOnlyList<DeliveryPaper> papers, (int, int)? part)
    {
        var content = new JsonArray();
        foreach (var p in papers)
        {
            content.Add(new JsonArray(new JsonObject { ["tag"] = "a", ["text"] = p.Title, ["href"] = ChatText.SafeUrl(p.Url) }));
            if (p.Summary.Count > 0) content.Add(new JsonArray(new JsonObject { ["tag"] = "text", ["text"] = Summary(p) }));
        }
        if (d.PageUrl is { } page) content.Add(new JsonArray(new JsonObject { ["tag"] = "a", ["text"] = "Read the day's page", ["href"] = page }));
        return new JsonObject
        {
            ["msg_type"] = "post",
            ["content"] = new JsonObject { ["post"] = new JsonObject { ["zh_cn"] = new JsonObject { ["title"] = Heading(d, part), ["content"] = content } } },
        };
    }

    private static string MarkdownText(DeliveryDigest d, IReadOnlyList<DeliveryPaper> papers, (int, int)? part, string titlePrefix, bool angleLinks = false)
    {
        var sb = new StringBuilder();
        sb.Append(titlePrefix).Append(ChatText.Markdown(Heading(d, part))).Append("\n\n");
        foreach (var p in papers)
        {
            sb.Append("**[").Append(ChatText.Markdown(p.Title)).Append("](").Append(Link(p.Url, angleLinks)).Append(")**\n");
            foreach (var line in p.Summary) sb.Append(ChatText.Markdown(line)).Append('\n');
            sb.Append('\n');
        }
        if (d.PageUrl is { } page) sb.Append("[Read the day's page](").Append(Link(page, angleLinks)).Append(")\n");
        return sb.ToString();
    }

    private static string Link(string url, bool angle) => angle ? "<" + ChatText.MarkdownUrl(url) + ">" : ChatText.MarkdownUrl(url);

    private static JsonObject DingTalk(DeliveryDigest d, IReadOnlyList<DeliveryPaper> papers, (int, int)? part) => new()
    {
        ["msgtype"] = "markdown",
        ["markdown"] = new JsonObject { ["title"] = Heading(d, part), ["text"] = MarkdownText(d, papers, part, "### ") },
    };

    private static JsonObject WeCom(DeliveryDigest d, IReadOnlyList<DeliveryPaper> papers, (int, int)? part) => new()
    {
        ["msgtype"] = "markdown",
        ["markdown"] = new JsonObject { ["content"] = MarkdownText(d, papers, part, "### ") },
    };

    private static JsonObject Discord(DeliveryDigest d, IReadOnlyList<DeliveryPaper> papers, (int, int)? part) => new()
    {
        // <url> keeps Discord from unfurling a preview of every paper; no mention in a title may ping anyone.
        ["content"] = MarkdownText(d, papers, part, "## ", angleLinks: true),
        ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
    };

    /// <summary>Blocks: a header, then one mrkdwn section per paper ("*&lt;url|title&gt;*" and the summary).</summary>
    private static JsonObject Slack(DeliveryDigest d, IReadOnlyList<DeliveryPaper> papers, (int, int)? part)
    {
        var heading = Heading(d, part);
        var blocks = new JsonArray(new JsonObject { ["type"] = "header", ["text"] = PlainText(heading.Length > 150 ? heading[..150] : heading) });
        foreach (var p in papers)
        {
            var text = $"*<{ChatText.SafeUrl(p.Url).Replace("|", "%7C", StringComparison.Ordinal)}|{ChatText.Slack(p.Title).Replace("|", "¦", StringComparison.Ordinal)}>*";
            if (p.Summary.Count > 0) text += "\n" + ChatText.Slack(Summary(p));
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text } });
        }
        if (d.PageUrl is { } page)
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"<{page}|Read the day's page>" } });
        return new JsonObject { ["text"] = heading, ["blocks"] = blocks };
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static bool SlackFits(JsonObject body)
    {
        var blocks = (JsonArray)body["blocks"]!;
        return blocks.Count <= SlackMaxBlocks && blocks.All(b => ((string?)b!["text"]!["text"] ?? "").Length <= SlackMaxSection);
    }

    /// <summary>HTML parse mode with only tags Telegram allows (b, a, i); everything else escaped.</summary>
    private static JsonObject Telegram(DeliveryDigest d, IReadOnlyList<DeliveryPaper> papers, (int, int)? part, string chatId)
    {
        var sb = new StringBuilder();
        sb.Append("<b>").Append(ChatText.Html(Heading(d, part))).Append("</b>\n\n");
        foreach (var p in papers)
        {
            sb.Append("<b><a href=\"").Append(ChatText.Html(ChatText.SafeUrl(p.Url))).Append("\">").Append(ChatText.Html(p.Title)).Append("</a></b>\n");
            foreach (var line in p.Summary) sb.Append(ChatText.Html(line)).Append('\n');
            sb.Append('\n');
        }
        if (d.PageUrl is { } page) sb.Append("<a href=\"").Append(ChatText.Html(page)).Append("\">Read the day's page</a>");
        return new JsonObject
        {
            ["chat_id"] = chatId,
            ["text"] = sb.ToString().TrimEnd(),
            ["parse_mode"] = "HTML",
            ["link_preview_options"] = new JsonObject { ["is_disabled"] = true },
        };
    }
}
