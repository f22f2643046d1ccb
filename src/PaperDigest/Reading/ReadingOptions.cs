namespace PaperDigest.Reading;

/// <summary>Settings of the reading stage.</summary>
internal sealed class ReadingOptions
{
    /// <summary>Estimated tokens the text handed to the LLM may use (see <see cref="TokenEstimator"/>); 0 keeps the whole text.</summary>
    public int TokenBudget { get; set; } = 24_000;

    /// <summary>The pdftotext program (poppler-utils), a name looked up on PATH or a full path.</summary>
    public string PdftotextPath { get; set; } = "pdftotext";

    /// <summary>How long pdftotext may run on one PDF.</summary>
    public TimeSpan PdfTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public void Validate()
    {
        if (TokenBudget < 0) throw new InvalidOperationException("Reading:TokenBudget must be 0 (no limit) or positive.");
        if (string.IsNullOrWhiteSpace(PdftotextPath)) throw new InvalidOperationException("Reading:PdftotextPath must not be empty.");
        if (PdfTimeout <= TimeSpan.Zero) throw new InvalidOperationException("Reading:PdfTimeout must be positive.");
    }
}
