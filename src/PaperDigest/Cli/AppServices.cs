using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperDigest.Configuration;
using PaperDigest.Http;
using PaperDigest.Import;
using PaperDigest.Llm;
using PaperDigest.Publishing;
using PaperDigest.Reading;
using PaperDigest.Sources;
using PaperDigest.Store;
using PaperDigest.Summaries;
using PaperDigest.Tracker;

namespace PaperDigest.Cli;

/// <summary>The composition of PaperDigest's parts for one command (DI at the edge; parts below it take what they need).</summary>
internal static class AppServices
{
    public static IServiceCollection AddPaperDigest(this IServiceCollection services, AppOptions options, Secrets secrets, TimeProvider time, TextWriter log)
    {
        services.AddSingleton(options).AddSingleton(options.Llm).AddSingleton(options.Digest).AddSingleton(options.HuggingFace).AddSingleton(options.Store);
        services.AddSingleton(secrets);
        services.AddSingleton(time);
        services.AddLogging(b => b.ClearProviders().AddProvider(new PlainLoggerProvider(log, secrets)).SetMinimumLevel(LogLevel.Warning));

        services.AddRemote(Remotes.HuggingFace(new Uri(options.HuggingFace.Endpoint), options.HuggingFace.Timing));
        services.AddRemote(Remotes.Llm(RemoteTiming.From(options.Llm.HttpRetries, options.Llm.RetryDelayMs, options.Llm.TimeoutSeconds)));

        services.AddRemote(Remotes.ArxivPages(new Uri(options.Reading.ArxivBaseUrl), options.Reading.Timing, options.Reading.RequestsPerSecond, options.Reading.Connections));
        services.AddSingleton(options.Reading);
        services.AddSingleton(sp => new FullTextReader(sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.ArxivPages), options.Reading));
        services.AddSingleton<PaperTextSource>();

        services.AddSingleton(sp => SqliteStore.Open(options.Store.Path));
        services.AddSingleton<PaperStore>().AddSingleton<SummaryStore>().AddSingleton<RunStore>().AddSingleton<FullTextStore>();
        services.AddSingleton<LlmUsage>();
        services.AddSingleton(sp => new HuggingFaceDailyClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.HuggingFace)));
        services.AddSingleton<DailyFetcher>();
        services.AddSingleton(sp => new LlmClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.Llm), options.Llm, secrets.OpenAiApiKey, sp.GetRequiredService<LlmUsage>()));
        services.AddSingleton<ISummaryWriter>(sp => IsLlmConfigured(options, secrets)
            ? new LlmSummaryWriter(sp.GetRequiredService<LlmClient>(), options.Llm)
            : new OfflineSummaryWriter());
        services.AddSingleton<SummaryService>().AddSingleton<BatchSummarizer>().AddSingleton<DigestPublisher>();

        // The tracker: pacing, timeouts and retries of arXiv, HF and GitHub live in their remotes (Http/Remotes.cs).
        services.AddRemote(Remotes.ArxivApi(new Uri(options.Arxiv.ApiUrl), options.Arxiv.Timing, options.Arxiv.MinInterval));
        services.AddSingleton(sp => new ArxivApiClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.ArxivApi), options.Arxiv, sp.GetRequiredService<ILogger<ArxivApiClient>>()));
        services.AddSingleton(sp => new HuggingFacePaperClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.HuggingFace)));
        services.AddRemote(Remotes.GitHub(new Uri(options.GitHub.ApiUrl)));
        services.AddSingleton(sp => new GitHubRepoClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.GitHub), secrets.GithubToken, sp.GetRequiredService<ILogger<GitHubRepoClient>>()));
        services.AddSingleton(sp => new CodeLinkChecker(sp.GetRequiredService<HuggingFacePaperClient>(), sp.GetRequiredService<PaperStore>(), time,
            sp.GetRequiredService<ILogger<CodeLinkChecker>>(), FetchesStars(options, secrets) ? sp.GetRequiredService<GitHubRepoClient>() : null));
        services.AddSingleton<TrackerStore>().AddSingleton<TopicFetcher>().AddSingleton<AbstractTranslator>().AddSingleton<TrackerPublisher>();
        services.AddSingleton(options.Web).AddSingleton<SearchStore>().AddSingleton<ImportStore>().AddSingleton<ArxivImporter>().AddSingleton<ReaderStore>();
        return services;
    }

    /// <summary>PRODUCT.md: an LLM is configured when OPENAI_API_KEY or a base URL (OPENAI_BASE_URL, llm.base_url) is set.</summary>
    public static bool IsLlmConfigured(AppOptions options, Secrets secrets) =>
        secrets.OpenAiApiKey is not null || !string.IsNullOrEmpty(options.Llm.BaseUrl);

    /// <summary>GitHub is asked for stars only with GITHUB_TOKEN set (anonymously it allows 60 requests an hour) and github.fetch_stars on.</summary>
    public static bool FetchesStars(AppOptions options, Secrets secrets) =>
        options.GitHub.FetchStars && secrets.GithubToken is not null;
}
