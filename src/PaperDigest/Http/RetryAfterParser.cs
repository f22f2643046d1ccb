using System.Net.Http.Headers;

namespace PaperDigest.Http;

/// <summary>The one reading of Retry-After (RFC 9110 §10.2.3): seconds or an HTTP-date, measured on the injected clock.</summary>
internal static class RetryAfterParser
{
    /// <summary>How long the server asks to wait, never negative; null when it does not say.</summary>
    public static TimeSpan? Parse(HttpResponseMessage? response, TimeProvider time) => Parse(response?.Headers.RetryAfter, time.GetUtcNow());

    public static TimeSpan? Parse(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        var delay = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
