using System.Security.Cryptography;
using System.Text;
using PaperDigest.Http;

namespace PaperDigest.Delivery;

/// <summary>What one channel did with one digest.</summary>
internal sealed record DeliveryOutcome(DeliveryDigest Digest, string Channel, string Status, string? Problem)
{
    public const string Sent = "sent", Skipped = "already sent", Failed = "failed";
}

/// <summary>
/// Sends each digest to each configured channel once: a (day, source, style, language, channel) already recorded is
/// skipped unless forced; a failing channel is named and the others still get the digest.
/// </summary>
internal sealed class Notifier(NotifyOptions options, DeliveryStore store, WebhookClient webhooks, SmtpMailer mailer)
{
    public bool HasChannels => options.Email.Enabled || options.Webhooks.Count > 0;

    public async Task<IReadOnlyList<DeliveryOutcome>> SendAsync(IReadOnlyList<DeliveryDigest> digests, bool force, CancellationToken cancellationToken)
    {
        var outcomes = new List<DeliveryOutcome>();
        foreach (var digest in digests)
        {
            if (options.Email.Enabled)
                outcomes.Add(await OneAsync(digest, "email", ChannelKey("email", string.Join(',', options.Email.To)), force,
                    () => mailer.SendAsync(digest, cancellationToken), cancellationToken));
            for (var i = 0; i < options.Webhooks.Count; i++)
            {
                var hook = options.Webhooks[i];
                var name = $"{hook.Type.ToString()!.ToLowerInvariant()} (notify.webhooks[{i}])";
                outcomes.Add(await OneAsync(digest, name, ChannelKey(hook.Type.ToString()!.ToLowerInvariant(), hook.Url + "|" + hook.ChatId), force,
                    () => webhooks.SendAsync(hook, digest, cancellationToken), cancellationToken, hook));
            }
        }
        return outcomes;
    }

    private async Task<DeliveryOutcome> OneAsync(DeliveryDigest digest, string name, string key, bool force, Func<Task> send, CancellationToken cancellationToken, WebhookOptions? hook = null)
    {
        if (!force && await store.WasSentAsync(digest, key, cancellationToken)) return new(digest, name, DeliveryOutcome.Skipped, null);
        try
        {
            await send();
        }
        catch (DeliveryException ex)
        {
            return new(digest, name, DeliveryOutcome.Failed, Redact(ex.Message, hook));
        }
        catch (RemoteException ex)
        {
            return new(digest, name, DeliveryOutcome.Failed, Redact(ex.Message, hook));
        }
        await store.RecordAsync(digest, key, 1, cancellationToken);
        return new(digest, name, DeliveryOutcome.Sent, null);
    }

    /// <summary>A webhook's address is a credential (Slack, Discord, WeCom keys live in it): it never appears in a message.</summary>
    private static string Redact(string message, WebhookOptions? hook)
    {
        if (hook is null) return message;
        foreach (var s in new[] { hook.Url, hook.Url.TrimEnd('/'), hook.Secret })
            if (!string.IsNullOrEmpty(s)) message = message.Replace(s, "<webhook>", StringComparison.Ordinal);
        if (Uri.TryCreate(hook.Url, UriKind.Absolute, out var u) && u.PathAndQuery.Length > 1)
            message = message.Replace(u.PathAndQuery, "/…", StringComparison.Ordinal);
        return message;
    }

    /// <summary>A channel's record key: its type and a hash of its address, so the store holds no token either.</summary>
    internal static string ChannelKey(string type, string address) =>
        type + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address)))[..16];
}
