namespace PaperDigest.Sources;

/// <summary>How politely PaperDigest talks to the arXiv API (https://info.arxiv.org/help/api/tou.html).</summary>
internal sealed class ArxivClientOptions
{
    public const string DefaultApiUrl = "https://export.arxiv.org/api/query";
    public const string UserAgent = "PaperDigest/0.1 (+https://github.com/paperdigest)";

    /// <summary>The query endpoint (ARXIV_API_URL). Used when the HttpClient has no BaseAddress.</summary>
    public Uri ApiUrl { get; set; } = new(DefaultApiUrl);

    /// <summary>At least this long between the starts of two requests (arXiv asks for 3 s); the client adds 5% for network jitter.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Results per request (arXiv allows up to 2000; smaller pages fail less).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Retries after the first attempt for 406/429/5xx, timeouts and suspiciously empty pages.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay, doubled each retry; a Retry-After header wins.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest wait for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinInterval < TimeSpan.Zero) errors.Add("arxiv.min_interval must not be negative.");
        if (PageSize is < 1 or > 2000) errors.Add($"arxiv.page_size must be between 1 and 2000 (was {PageSize}).");
        if (MaxRetries < 0) errors.Add($"arxiv.max_retries must not be negative (was {MaxRetries}).");
        if (RetryBaseDelay < TimeSpan.Zero) errors.Add("arxiv.retry_base_delay must not be negative.");
        if (AttemptTimeout <= TimeSpan.Zero) errors.Add("arxiv.attempt_timeout must be positive.");
        else if (AttemptTimeout <= MinInterval * 1.05) errors.Add("arxiv.attempt_timeout must be longer than arxiv.min_interval (an attempt includes waiting its turn).");
        return errors;
    }
}
