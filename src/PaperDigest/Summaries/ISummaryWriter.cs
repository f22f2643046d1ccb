namespace PaperDigest.Summaries;

/// <summary>Writes one structured summary. Two real implementations: the LLM, and the offline extractive summarizer.</summary>
internal interface ISummaryWriter
{
    /// <summary>The model name that keys the cache.</summary>
    string Model { get; }

    bool IsOffline { get; }

    Task<WrittenSummary> WriteAsync(SummaryInput input, SummaryStyle style, string lang, CancellationToken cancellationToken);
}
