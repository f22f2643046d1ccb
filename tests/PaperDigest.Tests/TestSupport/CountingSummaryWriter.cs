using PaperDigest.Summaries;

namespace PaperDigest.Tests.TestSupport;

/// <summary>The offline writer under another model name, counting what it is asked to write (what an LLM would bill).</summary>
internal sealed class CountingSummaryWriter : ISummaryWriter
{
    private readonly OfflineSummaryWriter _inner = new();
    private int _calls;

    public int Calls => _calls;

    public string Model => "counting-model";

    public bool IsOffline => false;

    public Task<WrittenSummary> WriteAsync(SummaryInput input, SummaryStyle style, string lang, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return _inner.WriteAsync(input, style, lang, cancellationToken);
    }
}
