namespace PaperDigest.Sources;

/// <summary>The `huggingface` section. HF_ENDPOINT sets the endpoint too (a mirror, as huggingface_hub uses it).</summary>
internal sealed class HuggingFaceOptions
{
    public string Endpoint { get; set; } = "https://huggingface.co";

    /// <summary>Without --date: how many days back to look for the latest day with papers.</summary>
    public int LookbackDays { get; set; } = 7;

    public int TimeoutSeconds { get; set; } = 30;

    public int Retries { get; set; } = 4;

    /// <summary>First backoff of a retry when the server sends no Retry-After; it doubles each time.</summary>
    public int RetryDelayMs { get; set; } = 1000;

    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out _)) yield return $"huggingface.endpoint is not an absolute URL: '{Endpoint}'";
        if (LookbackDays is < 0 or > 60) yield return $"huggingface.lookback_days must be between 0 and 60 (got {LookbackDays})";
        if (TimeoutSeconds < 1) yield return $"huggingface.timeout_seconds must be at least 1 (got {TimeoutSeconds})";
        if (Retries is < 0 or > 10) yield return $"huggingface.retries must be between 0 and 10 (got {Retries})";
    }
}
