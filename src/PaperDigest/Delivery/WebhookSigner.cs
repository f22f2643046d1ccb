using System.Security.Cryptography;
using System.Text;

namespace PaperDigest.Delivery;

/// <summary>The signatures of Feishu's and DingTalk's custom bots ("signature verification" in each service's docs).</summary>
internal static class WebhookSigner
{
    /// <summary>Feishu: base64(HMAC-SHA256 with key "timestamp\nsecret" over an empty message); timestamp in seconds.</summary>
    public static string Feishu(long timestampSeconds, string secret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes($"{timestampSeconds}\n{secret}"));
        return Convert.ToBase64String(hmac.ComputeHash([]));
    }

    /// <summary>DingTalk: base64(HMAC-SHA256 with key secret over "timestamp\nsecret"), URL-encoded; timestamp in milliseconds.</summary>
    public static string DingTalk(long timestampMs, string secret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}")));
    }
}
