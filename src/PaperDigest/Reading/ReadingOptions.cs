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

    /// <summary>How long one page or PDF download may take.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    public TimeSpan PdfTimeout => TimeSpan.FromSeconds(PdfTimeoutSeconds);

    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(ArxivBaseUrl, UriKind.Absolute, out _)) yield return $"reading.arxiv_base_url is not an absolute URL: '{ArxivBaseUrl}'";
        if (TokenBudget < 0) yield return $"reading.token_budget must be 0 (no limit) or positive (got {TokenBudget})";
        if (string.IsNullOrWhiteSpace(PdftotextPath)) yield return "reading.pdftotext_path must not be empty";
        if (PdfTimeoutSeconds < 1) yield return $"reading.pdf_timeout_seconds must be at least 1 (got {PdfTimeoutSeconds})";
        if (TimeoutSeconds < 1) yield return $"reading.timeout_seconds must be at least 1 (got {TimeoutSeconds})";
    }
}
