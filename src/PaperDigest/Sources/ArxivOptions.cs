using PaperDigest.Http;

namespace PaperDigest.Sources;

/// <summary>
/// The `arxiv` section: the query API and how politely it is used (https://info.arxiv.org/help/api/tou.html).
/// ARXIV_API_URL sets the URL too. <see cref="Remotes.ArxivApi"/> turns these values into the "arxiv" remote.
/// </summary>
internal sealed class ArxivOptions
{
    public const string DefaultApiUrl = "https://export.arxiv.org/api/query";

    /// <summary>The query endpoint; a bare host (http://host/) means its /api/query.</summary>
    public string ApiUrl { get; set; } = DefaultApiUrl;

    /// <summary>Seconds between the starts of two requests (arXiv asks for 3); fractions allowed.</summary>
    public double MinIntervalSeconds { get; set; } = 3;

    /// <summary>Results per request (arXiv allows up to 2000; smaller pages fail less).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Retries after the first attempt for 406/408/429/5xx, timeouts, resets and suspiciously empty pages.</summary>
    public int Retries { get; set; } = 4;

    /// <summary>First backoff of a retry when arXiv sends no Retry-After; it doubles each time.</summary>
    public int RetryDelayMs { get; set; } = 3000;

    /// <summary>How long one request may take, its whole answer included (waiting its turn is not counted).</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>The RSS listings (`/rss/cs.RO+cs.CV`) for `daily --source`; ARXIV_RSS_URL sets it too.</summary>
    public string RssUrl { get; set; } = ArxivRssClient.DefaultRssBase;

    public TimeSpan MinInterval => TimeSpan.FromSeconds(MinIntervalSeconds);

    public RemoteTiming Timing => RemoteTiming.From(Retries, RetryDelayMs, TimeoutSeconds) with { MaxRetryAfter = TimeSpan.FromSeconds(120) };

    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(ApiUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return $"arxiv.api_url is not an absolute http(s) URL: '{ApiUrl}'";
        if (!Uri.TryCreate(RssUrl, UriKind.Absolute, out var rss) || rss.Scheme is not ("http" or "https"))
            yield return $"arxiv.rss_url is not an absolute http(s) URL: '{RssUrl}'";
        if (!double.IsFinite(MinIntervalSeconds) || MinIntervalSeconds is < 0 or > 600) yield return $"arxiv.min_interval_seconds must be between 0 and 600 (got {MinIntervalSeconds})";
        if (PageSize is < 1 or > 2000) yield return $"arxiv.page_size must be between 1 and 2000 (got {PageSize})";
        if (Retries is < 0 or > RemoteTiming.MaxRetries) yield return $"arxiv.retries must be between 0 and {RemoteTiming.MaxRetries} (got {Retries})";
        if (RetryDelayMs is < 0 or > RemoteTiming.MaxRetryDelayMs) yield return $"arxiv.retry_delay_ms must be between 0 and {RemoteTiming.MaxRetryDelayMs} (got {RetryDelayMs})";
        if (TimeoutSeconds is < 1 or > RemoteTiming.MaxTimeoutSeconds) yield return $"arxiv.timeout_seconds must be between 1 and {RemoteTiming.MaxTimeoutSeconds} (got {TimeoutSeconds})";
    }
}
