using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace PaperDigest.Tests.TestSupport;

/// <summary>
/// One fake server for six chat services, each on its own path, each checking what the real one checks and refusing
/// the way it refuses: Feishu (/feishu/hook/…: signature, 20 KB body; 200 with `code`), DingTalk (/dingtalk/robot/send:
/// signed query; 200 with `errcode`), WeCom (/wecom/send: markdown ≤ 4096 bytes; 200 with `errcode`), Slack
/// (/slack/…: ≤ 50 blocks, sections ≤ 3000; 400 text), Discord (/discord/…: content ≤ 2000; 400 JSON), Telegram
/// (/bot&lt;token&gt;/sendMessage: the token, ≤ 4096 characters, only Telegram's HTML tags; 400 `ok: false`).
/// </summary>
public sealed partial class FakeChatServer : IAsyncDisposable
{
    public const string FeishuSecret = "feishu-SECRET-abc";
    public const string DingTalkSecret = "SECdingtalk-SECRET-xyz";
    public const string TelegramToken = "123456:TELEGRAM-SECRET-token";

    private readonly ConcurrentDictionary<string, int> _failures = new();
    private FakeHttpServer _http = null!;

    /// <summary>Messages each service accepted, by service name (feishu, dingtalk, wecom, slack, discord, telegram).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> Accepted { get; } = new();

    /// <summary>What each service refused, in its own words.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public Uri BaseAddress => _http.BaseAddress;

    public IReadOnlyList<FakeHttpServer.RecordedRequest> Requests => _http.Requests;

    /// <summary>The next <paramref name="times"/> requests to <paramref name="service"/> get <paramref name="status"/> (429 or 5xx).</summary>
    public void Fail(string service, int times, int status) => _failures[service + ":" + status] = times;

    /// <summary>Every request to <paramref name="service"/> answers 500, for good.</summary>
    public void Break(string service) => _failures[service + ":500"] = int.MaxValue;

    public static async Task<FakeChatServer> StartAsync()
    {
        var server = new FakeChatServer();
        server._http = await FakeHttpServer.StartAsync(server.HandleAsync);
        return server;
    }

    public IReadOnlyList<JsonObject> Of(string service) => Accepted.TryGetValue(service, out var q) ? q.ToArray() : [];

    private async Task HandleAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var raw = await reader.ReadToEndAsync();
        var path = ctx.Request.Path.Value ?? "";
        var service = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (service.StartsWith("bot", StringComparison.Ordinal)) service = "telegram";
        foreach (var key in _failures.Keys.Where(k => k.StartsWith(service + ":", StringComparison.Ordinal)))
        {
            if (_failures[key] <= 0) continue;
            _failures[key]--;
            ctx.Response.StatusCode = int.Parse(key[(service.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            if (ctx.Response.StatusCode == 429) ctx.Response.Headers.RetryAfter = "0";
            await ctx.Response.WriteAsync("try later");
            return;
        }
        var body = JsonNode.Parse(raw) as JsonObject ?? throw new InvalidOperationException("not a JSON object");
        var (status, answer) = service switch
        {
            "feishu" => Feishu(body, raw),
            "dingtalk" => DingTalk(body, ctx.Request.Query),
            "wecom" => WeCom(body),
            "slack" => Slack(body),
            "discord" => Discord(body),
            "telegram" => Telegram(body, path),
            _ => (404, "no such hook"),
        };
        var accepted = status == 204 || (status == 200 && (answer == "ok" || answer.Contains("\"code\":0,", StringComparison.Ordinal)
                       || answer.Contains("\"errcode\":0,", StringComparison.Ordinal) || answer.Contains("\"ok\":true", StringComparison.Ordinal)));
        if (accepted) Accepted.GetOrAdd(service, _ => new()).Enqueue(body);
        else Refusals.Enqueue(service + ": " + answer);
        ctx.Response.StatusCode = status;
        if (status != 204)
        {
            ctx.Response.ContentType = answer.StartsWith('{') ? "application/json" : "text/plain";
            await ctx.Response.WriteAsync(answer);
        }
    }

    private static (int, string) Feishu(JsonObject body, string raw)
    {
        if (Encoding.UTF8.GetByteCount(raw) > 20 * 1024) return (200, """{"code":19002,"msg":"request body too large"}""");
        var ts = (string?)body["timestamp"];
        var sign = (string?)body["sign"];
        if (ts is null || sign is null || !long.TryParse(ts, out var seconds) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 3600)
            return (200, """{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}""");
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes($"{ts}\n{FeishuSecret}"));
        if (Convert.ToBase64String(hmac.ComputeHash([])) != sign)
            return (200, """{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}""");
        if ((string?)body["msg_type"] is not ("text" or "post" or "interactive")) return (200, """{"code":19002,"msg":"params error, msg_type need"}""");
        return (200, """{"code":0,"data":{},"msg":"success"}""");
    }

    private static (int, string) DingTalk(JsonObject body, IQueryCollection query)
    {
        var ts = query["timestamp"].ToString();
        var sign = query["sign"].ToString(); // ASP.NET has URL-decoded it, as DingTalk does
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(DingTalkSecret));
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{ts}\n{DingTalkSecret}")));
        if (!long.TryParse(ts, out var ms) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - ms) > 3_600_000)
            return (200, """{"errcode":310000,"errmsg":"invalid timestamp"}""");
        if (sign != expected) return (200, """{"errcode":310000,"errmsg":"sign not match"}""");
        if (Encoding.UTF8.GetByteCount((string?)body["markdown"]?["text"] ?? "") > 20_000) return (200, """{"errcode":460101,"errmsg":"message too long"}""");
        return (200, """{"errcode":0,"errmsg":"ok"}""");
    }

    private static (int, string) WeCom(JsonObject body)
    {
        var content = (string?)body["markdown"]?["content"];
        if ((string?)body["msgtype"] != "markdown" || content is null) return (200, """{"errcode":40008,"errmsg":"invalid message type"}""");
        if (Encoding.UTF8.GetByteCount(content) > 4096) return (200, """{"errcode":40058,"errmsg":"markdown.content exceed max length 4096"}""");
        return (200, """{"errcode":0,"errmsg":"ok"}""");
    }

    private static (int, string) Slack(JsonObject body)
    {
        if (body["blocks"] is not JsonArray blocks || blocks.Count > 50) return (400, "invalid_blocks");
        foreach (var b in blocks)
        {
            var text = (string?)b?["text"]?["text"] ?? "";
            if ((string?)b?["type"] == "section" && text.Length > 3000) return (400, "invalid_blocks");
            if ((string?)b?["type"] == "header" && text.Length > 150) return (400, "invalid_blocks");
        }
        return (200, "ok");
    }

    private static (int, string) Discord(JsonObject body)
    {
        var content = (string?)body["content"] ?? "";
        if (content.Length == 0 || content.Length > 2000)
            return (400, """{"message":"Invalid Form Body","code":50035,"errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}}}""");
        return (204, "");
    }

    private static (int, string) Telegram(JsonObject body, string path)
    {
        if (path != $"/bot{TelegramToken}/sendMessage") return (401, """{"ok":false,"error_code":401,"description":"Unauthorized"}""");
        var text = (string?)body["text"] ?? "";
        if ((string?)body["parse_mode"] != "HTML") return (400, """{"ok":false,"error_code":400,"description":"Bad Request: parse_mode must be HTML here"}""");
        if (TelegramHtmlProblem(text) is { } problem) return (400, $$"""{"ok":false,"error_code":400,"description":"Bad Request: can't parse entities: {{problem}}"}""");
        var plain = System.Net.WebUtility.HtmlDecode(Tag().Replace(text, ""));
        if (plain.Length > 4096) return (400, """{"ok":false,"error_code":400,"description":"Bad Request: message is too long"}""");
        return (200, """{"ok":true,"result":{"message_id":1}}""");
    }

    /// <summary>Telegram's HTML mode: only its tags, balanced; every other '&lt;' and '&amp;' escaped.</summary>
    private static string? TelegramHtmlProblem(string text)
    {
        var allowed = new HashSet<string> { "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote", "tg-spoiler", "span", "tg-emoji" };
        var open = new Stack<string>();
        foreach (Match m in Tag().Matches(text))
        {
            var name = m.Groups["name"].Value.ToLowerInvariant();
            if (!allowed.Contains(name)) return $"unsupported start tag \"{name}\"";
            if (m.Groups["close"].Success)
            {
                if (open.Count == 0 || open.Pop() != name) return $"unexpected end tag \"{name}\"";
            }
            else open.Push(name);
        }
        if (open.Count > 0) return $"can't find end tag corresponding to start tag \"{open.Peek()}\"";
        var rest = Tag().Replace(text, "");
        if (rest.Contains('<') || rest.Contains('>')) return "unexpected < or >";
        if (Regex.IsMatch(rest, "&(?!(amp|lt|gt|quot|#[0-9]+|#x[0-9a-fA-F]+);)")) return "unsupported entity";
        return null;
    }

    [GeneratedRegex("<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9-]*)(\\s+[^<>]*)?>")]
    private static partial Regex Tag();

    public ValueTask DisposeAsync() => _http.DisposeAsync();
}
