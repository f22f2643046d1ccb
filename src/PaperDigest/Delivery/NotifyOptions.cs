using PaperDigest.Http;

namespace PaperDigest.Delivery;

/// <summary>The `notify:` section (PRODUCT.md): an email channel and chat webhooks; secrets come from the environment or the webhook's own `secret`.</summary>
internal sealed class NotifyOptions
{
    public EmailOptions Email { get; set; } = new();
    public List<WebhookOptions> Webhooks { get; set; } = [];

    /// <summary>Retries of a webhook answering 429/5xx (through the webhooks remote), the delay before the first, and the timeout of one attempt.</summary>
    public int Retries { get; set; } = 3;
    public int RetryDelayMs { get; set; } = 1000;
    public int TimeoutSeconds { get; set; } = 30;

    public RemoteTiming Timing => RemoteTiming.From(Retries, RetryDelayMs, TimeoutSeconds);

    public IEnumerable<string> Validate()
    {
        if (Retries is < 0 or > RemoteTiming.MaxRetries) yield return $"'notify.retries' must be 0 to {RemoteTiming.MaxRetries}";
        if (RetryDelayMs is < 0 or > RemoteTiming.MaxRetryDelayMs) yield return $"'notify.retry_delay_ms' must be 0 to {RemoteTiming.MaxRetryDelayMs}";
        if (TimeoutSeconds is < 1 or > RemoteTiming.MaxTimeoutSeconds) yield return $"'notify.timeout_seconds' must be 1 to {RemoteTiming.MaxTimeoutSeconds}";
        foreach (var p in Email.Validate()) yield return p;
        for (var i = 0; i < Webhooks.Count; i++)
            foreach (var p in Webhooks[i].Validate(i)) yield return p;
    }
}

/// <summary>SMTP: the transport's security as in PRODUCT.md's example.</summary>
internal enum SmtpSecurity
{
    Starttls,
    Ssl,
    None,
}

/// <summary>`notify.email`: off while `host` is empty. The password is PAPERDIGEST_SMTP_PASSWORD.</summary>
internal sealed class EmailOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Starttls;
    public string From { get; set; } = "";
    public List<string> To { get; set; } = [];
    public string? Username { get; set; }
    public int TimeoutSeconds { get; set; } = 60;

    public bool Enabled => Host.Length > 0;

    public IEnumerable<string> Validate()
    {
        if (!Enabled) yield break;
        if (Port is < 1 or > 65535) yield return "'notify.email.port' must be 1 to 65535";
        if (!MimeKit.MailboxAddress.TryParse(From, out _)) yield return $"'notify.email.from' must be an email address (got '{From}')";
        if (To.Count == 0) yield return "'notify.email.to' must list at least one address";
        foreach (var t in To.Where(t => !MimeKit.MailboxAddress.TryParse(t, out _))) yield return $"'notify.email.to' has '{t}', which is not an email address";
        if (TimeoutSeconds is < 1 or > RemoteTiming.MaxTimeoutSeconds) yield return $"'notify.email.timeout_seconds' must be 1 to {RemoteTiming.MaxTimeoutSeconds}";
    }
}

/// <summary>The chat services a webhook may be.</summary>
internal enum WebhookType
{
    Feishu,
    Dingtalk,
    Wecom,
    Slack,
    Discord,
    Telegram,
}

/// <summary>One `notify.webhooks[]` item. Telegram's `url` is the Bot API root; its token is TELEGRAM_BOT_TOKEN.</summary>
internal sealed class WebhookOptions
{
    public WebhookType? Type { get; set; }
    public string Url { get; set; } = "";
    public string? Secret { get; set; }
    public string? ChatId { get; set; }

    public IEnumerable<string> Validate(int index)
    {
        var key = $"'notify.webhooks[{index}]";
        if (Type is null) yield return $"{key}.type' must be one of feishu, dingtalk, wecom, slack, discord, telegram";
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return $"{key}.url' must be an http(s) address";
        if (Type == WebhookType.Telegram && string.IsNullOrEmpty(ChatId)) yield return $"{key}.chat_id' is needed for a telegram webhook";
    }
}
