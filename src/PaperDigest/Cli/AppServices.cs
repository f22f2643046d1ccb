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

        AddRemote(services, "huggingface", new Uri(options.HuggingFace.Endpoint.TrimEnd('/') + "/"),
            new RetrySettings(options.HuggingFace.Retries, TimeSpan.FromMilliseconds(options.HuggingFace.RetryDelayMs), TimeSpan.FromSeconds(options.HuggingFace.TimeoutSeconds), TimeSpan.FromSeconds(120)));
        AddRemote(services, "llm", null,
            new RetrySettings(options.Llm.HttpRetries, TimeSpan.FromMilliseconds(options.Llm.RetryDelayMs), TimeSpan.FromSeconds(options.Llm.TimeoutSeconds), TimeSpan.FromSeconds(120)));

        AddRemote(services, "arxiv-pages", new Uri(options.Reading.ArxivBaseUrl.TrimEnd('/') + "/"),
            new RetrySettings(2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(options.Reading.TimeoutSeconds), TimeSpan.FromSeconds(60)));
        services.AddSingleton(options.Reading);
        services.AddSingleton(sp => new FullTextReader(sp.GetRequiredService<IHttpClientFactory>().CreateClient("arxiv-pages"), options.Reading));
        services.AddSingleton<PaperTextSource>();

        services.AddSingleton(sp => SqliteStore.Open(options.Store.Path));
        services.AddSingleton<PaperStore>().AddSingleton<SummaryStore>().AddSingleton<RunStore>().AddSingleton<FullTextStore>();
        services.AddSingleton<LlmUsage>();
        services.AddSingleton(sp => new HuggingFaceDailyClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("huggingface")));
        services.AddSingleton<DailyFetcher>();
        services.AddSingleton(sp => new LlmClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("llm"), options.Llm, secrets.OpenAiApiKey, sp.GetRequiredService<LlmUsage>()));
        services.AddSingleton<ISummaryWriter>(sp => IsLlmConfigured(options, secrets)
            ? new LlmSummaryWriter(sp.GetRequiredService<LlmClient>(), options.Llm)
            : new OfflineSummaryWriter());
        services.AddSingleton<SummaryService>().AddSingleton<BatchSummarizer>().AddSingleton<DigestPublisher>();

        // The tracker: arXiv's client keeps its own polite pacing and retries; HF's paper API retries in the "huggingface" handler.
        services.AddHttpClient("arxiv", http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => new ArxivApiClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("arxiv"), options.Arxiv.ToClientOptions(), time, sp.GetRequiredService<ILogger<ArxivApiClient>>()));
        services.AddSingleton(sp => new HuggingFacePaperClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("huggingface"), time, maxRetries: 0));
        AddRemote(services, "github", new Uri(options.GitHub.ApiUrl.TrimEnd('/') + "/"),
            new RetrySettings(2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)));
        services.AddSingleton(sp => new GitHubRepoClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("github"), secrets.GithubToken, sp.GetRequiredService<ILogger<GitHubRepoClient>>()));
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

    private static void AddRemote(IServiceCollection services, string name, Uri? baseAddress, RetrySettings settings)
    {
        services.AddHttpClient(name, (sp, http) =>
            {
                if (baseAddress is not null) http.BaseAddress = baseAddress;
                http.Timeout = Timeout.InfiniteTimeSpan; // the per-attempt timeout lives in the Polly pipeline
                http.DefaultRequestHeaders.UserAgent.ParseAdd("PaperDigest/0.1");
            })
            .AddHttpMessageHandler(sp => new RetryHandler(RetryHandler.BuildPipeline(settings, sp.GetRequiredService<TimeProvider>())));
    }
}
