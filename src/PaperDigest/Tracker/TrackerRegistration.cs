using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperDigest.Llm;
using PaperDigest.Sources;
using PaperDigest.Store;

namespace PaperDigest.Tracker;

/// <summary>The arXiv topic tracker: its table, fetch, code links, translations and pages.</summary>
internal static class TrackerRegistration
{
    /// <param name="fetchStars">Ask GitHub for stars (GITHUB_TOKEN set and github.fetch_stars on); GitHubRepoClient must then be registered.</param>
    /// <param name="translate">An LLM is configured for translating abstracts; LlmClient must then be registered.</param>
    public static IServiceCollection AddTracker(this IServiceCollection services, TrackerOptions options, bool fetchStars, bool translate)
    {
        services.AddSingleton(options)
            .AddSingleton<TrackerStore>()
            .AddSingleton<TrackerSeeder>()
            .AddSingleton<TopicFetcher>()
            .AddSingleton<TrackerPublisher>()
            .AddSingleton(sp => new CodeLinkChecker(sp.GetRequiredService<HuggingFacePaperClient>(), sp.GetRequiredService<PaperStore>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<CodeLinkChecker>>(), fetchStars ? sp.GetRequiredService<GitHubRepoClient>() : null));
        if (translate) services.AddSingleton(sp => new AbstractTranslator(sp.GetRequiredService<LlmClient>(), sp.GetRequiredService<LlmOptions>(), sp.GetRequiredService<TrackerStore>()));
        return services;
    }
}
