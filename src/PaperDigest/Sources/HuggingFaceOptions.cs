using PaperDigest.Http;

namespace PaperDigest.Sources;

/// <summary>The `huggingface` section. HF_ENDPOINT sets the endpoint too (a mirror, as huggingface_hub uses it).</summary>
internal sealed class HuggingFaceOptions
{
    public string Endpoint { get; set; } = "https://huggingface.co";

    /// <summary>Without --date: how many days back to look for the latest day with papers.</summary>
    public int LookbackDays { get; set; } = 7;

    /// <summary>How long one request may take, its whole answer included.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public int Retries { get; set; } = 4;

    /// <summary>First backoff of a retry when the server sends no Retry-After; it doubles each time.</summary>
    public int RetryDelayMs { get; set; } = 1000;

    public RemoteTiming Timing => RemoteTiming.From(Retries, RetryDelayMs, TimeoutSeconds);

    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return $"huggingface.endpoint is not an absolute http(s) URL: '{Endpoint}'";
        if (LookbackDays is < 0 or > 60) yield return $"huggingface.lookback_days must be between 0 and 60 (got {LookbackDays})";
        if (TimeoutSeconds is < 1 or > RemoteTiming.MaxTimeoutSeconds) yield return $"huggingface.timeout_seconds must be between 1 and {RemoteTiming.MaxTimeoutSeconds} (got {TimeoutSeconds})";
        if (Retries is < 0 or > RemoteTiming.MaxRetries) yield return $"huggingface.retries must be between 0 and {RemoteTiming.MaxRetries} (got {Retries})";
        if (RetryDelayMs is < 0 or > RemoteTiming.MaxRetryDelayMs) yield return $"huggingface.retry_delay_ms must be between 0 and {RemoteTiming.MaxRetryDelayMs} (got {RetryDelayMs})";
    }
}
