using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaperDigest.Http;

namespace PaperDigest.Delivery;

/// <summary>
/// Posts a digest to one chat webhook over the webhooks remote (429/5xx retried there, with Retry-After) and reads the
/// service's verdict: Feishu and DingTalk answer 200 with an error code, Telegram `ok: false`, the others a 4xx.
/// </summary>
internal sealed class WebhookClient(IHttpClientFactory http, TimeProvider time, string? telegramToken)
{
    public async Task SendAsync(WebhookOptions hook, DeliveryDigest digest, CancellationToken cancellationToken)
    {
        var client = http.CreateClient(RemoteNames.Webhooks);
        foreach (var body in WebhookMessages.Bodies(hook, digest))
        {
            using var request = Request(hook, body);
            // A service's "too many requests" in a 200 (Feishu 9499, DingTalk 130101) is tried again by the same retry as a 429.
            request.Options.Set(RemoteHandler.RetryWhen, IsRateLimited);
            using var response = await client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (Verdict(hook.Type!.Value, response.StatusCode, text) is { } problem) throw new DeliveryException(problem);
        }
    }

    private HttpRequestMessage Request(WebhookOptions hook, JsonObject body)
    {
        var url = hook.Url;
        switch (hook.Type)
        {
            case WebhookType.Feishu when !string.IsNullOrEmpty(hook.Secret):
                var seconds = time.GetUtcNow().ToUnixTimeSeconds();
                body["timestamp"] = seconds.ToString(CultureInfo.InvariantCulture);
                body["sign"] = WebhookSigner.Feishu(seconds, hook.Secret);
                break;
            case WebhookType.Dingtalk when !string.IsNullOrEmpty(hook.Secret):
                var ms = time.GetUtcNow().ToUnixTimeMilliseconds();
                url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"timestamp={ms}&sign={Uri.EscapeDataString(WebhookSigner.DingTalk(ms, hook.Secret))}";
                break;
            case WebhookType.Telegram:
                url = url.TrimEnd('/') + "/bot" + (telegramToken ?? throw new DeliveryException("TELEGRAM_BOT_TOKEN is not set")) + "/sendMessage";
                break;
        }
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
    }

    private static async ValueTask<bool> IsRateLimited(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.OK) return false;
        var code = Code(await response.Content.ReadAsStringAsync(cancellationToken));
        return code is 9499 or 130101;
    }

    /// <summary>Null when the service took the message; else its own words (never the address, which holds the token).</summary>
    internal static string? Verdict(WebhookType type, HttpStatusCode status, string body)
    {
        var said = Said(body);
        if ((int)status is < 200 or > 299) return $"HTTP {(int)status}{(said.Length > 0 ? ": " + said : "")}";
        return type switch
        {
            WebhookType.Feishu or WebhookType.Dingtalk or WebhookType.Wecom => Code(body) is { } c and not 0 ? $"error code {c}: {said}" : null,
            WebhookType.Telegram => Json(body)?["ok"]?.GetValue<bool>() == true ? null : $"Telegram refused: {said}",
            _ => null,
        };
    }

    private static JsonObject? Json(string body)
    {
        try { return JsonNode.Parse(body) as JsonObject; }
        catch (JsonException) { return null; }
    }

    /// <summary>Feishu's `code` (or `StatusCode`), DingTalk's and WeCom's `errcode`.</summary>
    private static long? Code(string body)
    {
        var json = Json(body);
        foreach (var key in new[] { "code", "errcode", "StatusCode" })
            if (json?[key] is JsonValue v && v.TryGetValue<long>(out var n)) return n;
        return null;
    }

    private static string Said(string body)
    {
        var json = Json(body);
        var text = json is null ? body : (string?)(json["msg"] ?? json["errmsg"] ?? json["description"] ?? json["message"] ?? json["StatusMessage"]) ?? json.ToJsonString();
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}

/// <summary>A channel refused or could not take the digest; the message is safe to show (no address, no secret).</summary>
internal sealed class DeliveryException(string message, Exception? inner = null) : Exception(message, inner);
