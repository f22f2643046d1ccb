using PaperDigest.Llm;

namespace PaperDigest.Summaries;

/// <summary>How long a claim on a summary holds (past it, a killed or stalled run's claim is taken over), and how often a waiting run looks again.</summary>
internal sealed record SummaryClaimOptions(TimeSpan StaleAfter, TimeSpan PollInterval)
{
    /// <summary>The longest one summary can take: the LLM timeout times every attempt (HTTP retries, re-asks on an invalid reply).</summary>
    public static SummaryClaimOptions From(LlmOptions llm) => new(
        TimeSpan.FromSeconds((double)Math.Max(1, llm.TimeoutSeconds) * (Math.Max(0, llm.HttpRetries) + 1) * (Math.Max(0, llm.InvalidReplyRetries) + 1)),
        TimeSpan.FromMilliseconds(250));
}
