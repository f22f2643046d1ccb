namespace PaperDigest.Sources;

/// <summary>The `arxiv` section: the query API and how politely it is used. ARXIV_API_URL sets the URL too.</summary>
internal sealed class ArxivOptions
{
    public string ApiUrl { get; set; } = ArxivClientOptions.DefaultApiUrl;

    /// <summary>Seconds between the starts of two requests (arXiv asks for 3); fractions allowed.</summary>
    public double MinIntervalSeconds { get; set; } = 3;

    public int PageSize { get; set; } = 100;

    /// <summary>Retries after the first attempt for 406/429/5xx, timeouts and suspiciously empty pages.</summary>
    public int Retries { get; set; } = 4;

    /// <summary>First backoff of a retry when arXiv sends no Retry-After; it doubles each time.</summary>
    public int RetryDelayMs { get; set; } = 3000;

    public int TimeoutSeconds { get; set; } = 60;

    public ArxivClientOptions ToClientOptions() => new()
    {
        ApiUrl = new Uri(ApiUrl),
        MinInterval = TimeSpan.FromSeconds(MinIntervalSeconds),
        PageSize = PageSize,
        MaxRetries = Retries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(RetryDelayMs),
        AttemptTimeout = TimeSpan.FromSeconds(TimeoutSeconds),
    };

    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(ApiUrl, UriKind.Absolute, out _)) yield return $"arxiv.api_url is not an absolute URL: '{ApiUrl}'";
        if (MinIntervalSeconds is < 0 or > 600) yield return $"arxiv.min_interval_seconds must be between 0 and 600 (got {MinIntervalSeconds})";
        if (PageSize is < 1 or > 2000) yield return $"arxiv.page_size must be between 1 and 2000 (got {PageSize})";
        if (Retries is < 0 or > 10) yield return $"arxiv.retries must be between 0 and 10 (got {Retries})";
        if (RetryDelayMs < 0) yield return $"arxiv.retry_delay_ms must not be negative (got {RetryDelayMs})";
        if (TimeoutSeconds <= MinIntervalSeconds * 1.05) yield return $"arxiv.timeout_seconds must be longer than arxiv.min_interval_seconds (got {TimeoutSeconds})";
    }
}
