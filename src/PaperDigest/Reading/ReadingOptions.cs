using PaperDigest.Http;

namespace PaperDigest.Reading;

/// <summary>The `reading` section: where arXiv's pages live and how much of a paper the LLM is given.</summary>
internal sealed class ReadingOptions
{
    /// <summary>Where /abs/, /html/ and /pdf/ pages live; ARXIV_BASE_URL sets it too.</summary>
    public string ArxivBaseUrl { get; set; } = "https://arxiv.org";

    /// <summary>Estimated tokens the text handed to the LLM may use (see <see cref="TokenEstimator"/>); 0 keeps the whole text.</summary>
    public int TokenBudget { get; set; } = 24_000;

    /// <summary>The pdftotext program (poppler-utils), a name looked up on PATH or a full path.</summary>
    public string PdftotextPath { get; set; } = "pdftotext";

    /// <summary>How long pdftotext may run on one PDF.</summary>
    public int PdfTimeoutSeconds { get; set; } = 60;

    /// <summary>How long one page or PDF download may take, the whole body included.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries of a page or PDF after a 408/429/5xx, a timeout or a reset connection.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>First backoff of a retry when arXiv sends no Retry-After; it doubles each time.</summary>
    public int RetryDelayMs { get; set; } = 1000;

    /// <summary>At most this many page or PDF requests start in any one second.</summary>
    public int RequestsPerSecond { get; set; } = 4;

    /// <summary>At most this many page or PDF requests (and connections) at a time.</summary>
    public int Connections { get; set; } = 1;

    public RemoteTiming Timing => RemoteTiming.From(Retries, RetryDelayMs, TimeoutSeconds);

    public TimeSpan PdfTimeout => TimeSpan.FromSeconds(PdfTimeoutSeconds);

    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(ArxivBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return $"reading.arxiv_base_url is not an absolute http(s) URL: '{ArxivBaseUrl}'";
        if (TokenBudget < 0) yield return $"reading.token_budget must be 0 (no limit) or positive (got {TokenBudget})";
        if (string.IsNullOrWhiteSpace(PdftotextPath)) yield return "reading.pdftotext_path must not be empty";
        if (PdfTimeoutSeconds is < 1 or > RemoteTiming.MaxTimeoutSeconds) yield return $"reading.pdf_timeout_seconds must be between 1 and {RemoteTiming.MaxTimeoutSeconds} (got {PdfTimeoutSeconds})";
        if (TimeoutSeconds is < 1 or > RemoteTiming.MaxTimeoutSeconds) yield return $"reading.timeout_seconds must be between 1 and {RemoteTiming.MaxTimeoutSeconds} (got {TimeoutSeconds})";
        if (Retries is < 0 or > RemoteTiming.MaxRetries) yield return $"reading.retries must be between 0 and {RemoteTiming.MaxRetries} (got {Retries})";
        if (RetryDelayMs is < 0 or > RemoteTiming.MaxRetryDelayMs) yield return $"reading.retry_delay_ms must be between 0 and {RemoteTiming.MaxRetryDelayMs} (got {RetryDelayMs})";
        if (RequestsPerSecond is < 1 or > 100) yield return $"reading.requests_per_second must be between 1 and 100 (got {RequestsPerSecond})";
        if (Connections is < 1 or > 16) yield return $"reading.connections must be between 1 and 16 (got {Connections})";
    }
}
