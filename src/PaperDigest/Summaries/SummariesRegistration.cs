using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaperDigest.Llm;

namespace PaperDigest.Summaries;

/// <summary>The summarize stage: the writer (the LLM, or the offline extract when none is configured), its cache, the batch runner.</summary>
internal static class SummariesRegistration
{
    /// <summary>The stored summaries alone, for readers of them (the web reader, the static site).</summary>
    public static IServiceCollection AddSummaryCache(this IServiceCollection services)
    {
        services.TryAddSingleton<SummaryStore>();
        return services;
    }

    public static IServiceCollection AddSummaries(this IServiceCollection services, LlmOptions options, bool llmConfigured) =>
        services.AddSummaryCache()
            .AddSingleton<ISummaryWriter>(sp => llmConfigured
                ? new LlmSummaryWriter(sp.GetRequiredService<LlmClient>(), options)
                : new OfflineSummaryWriter())
            .AddSingleton<SummaryClaimStore>()
            .AddSingleton(SummaryClaimOptions.From(options))
            .AddSingleton<SummaryService>()
            .AddSingleton<BatchSummarizer>()
            .AddSingleton<PaperTextSource>();
}
