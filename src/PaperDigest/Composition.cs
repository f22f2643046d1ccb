using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperDigest.Cli;
using PaperDigest.Configuration;
using PaperDigest.Http;
using PaperDigest.Import;
using PaperDigest.Llm;
using PaperDigest.Publishing;
using PaperDigest.Reading;
using PaperDigest.Search;
using PaperDigest.Sources;
using PaperDigest.Store;
using PaperDigest.Summaries;
using PaperDigest.Tracker;
using PaperDigest.Web;

namespace PaperDigest;

/// <summary>
/// The composition root, above the CLI and the web reader: each command gets the features it uses, each feature
/// registering its own parts (DI at the edge). `serve` has no LLM client; `import` no HTTP at all.
/// </summary>
internal static class Composition
{
    public static void Register(IServiceCollection services, AppCommand command, AppOptions options, Secrets secrets, TimeProvider time, TextWriter log)
    {
        services.AddSingleton(time);
        services.AddLogging(b => b.ClearProviders().AddProvider(new PlainLoggerProvider(log, secrets)).SetMinimumLevel(LogLevel.Warning));
        services.AddStore(options.Store).AddLlmUsage();
        var llm = options.IsLlmConfigured(secrets);
        switch (command)
        {
            case AppCommand.Daily:
                AddRemotes(services, options);
                services.AddHuggingFace(options.HuggingFace).AddReading(options.Reading).AddDigest(options.Digest);
                if (llm) services.AddLlm(options.Llm, secrets.OpenAiApiKey);
                services.AddSummaries(options.Llm, llm);
                break;
            case AppCommand.Paper:
                AddRemotes(services, options);
                services.AddArxivApi(options.Arxiv).AddReading(options.Reading).AddDigest(options.Digest);
                if (llm) services.AddLlm(options.Llm, secrets.OpenAiApiKey);
                services.AddSummaries(options.Llm, llm);
                break;
            case AppCommand.Track:
                AddRemotes(services, options);
                var stars = options.FetchesStars(secrets);
                var translate = options.Tracker.TranslateAbstracts && llm;
                services.AddArxivApi(options.Arxiv).AddHuggingFace(options.HuggingFace);
                if (stars) services.AddGitHub(options.GitHub, secrets.GithubToken);
                if (translate) services.AddLlm(options.Llm, secrets.OpenAiApiKey);
                services.AddTracker(options.Tracker, stars, translate);
                break;
            case AppCommand.Import:
                services.AddImport();
                break;
            case AppCommand.Search:
                services.AddSearch();
                break;
            case AppCommand.Serve:
            case AppCommand.Site:
                services.AddReader(options.Web);
                break;
        }
    }

    /// <summary>Every remote's HttpClient, declared once: timeout, retries, pacing.</summary>
    private static void AddRemotes(IServiceCollection services, AppOptions options)
    {
        AddRemote(services, SourcesRegistration.HuggingFaceRemote, new Uri(options.HuggingFace.Endpoint.TrimEnd('/') + "/"),
            new RetrySettings(options.HuggingFace.Retries, TimeSpan.FromMilliseconds(options.HuggingFace.RetryDelayMs), TimeSpan.FromSeconds(options.HuggingFace.TimeoutSeconds), TimeSpan.FromSeconds(120)));
        AddRemote(services, LlmRegistration.Remote, null,
            new RetrySettings(options.Llm.HttpRetries, TimeSpan.FromMilliseconds(options.Llm.RetryDelayMs), TimeSpan.FromSeconds(options.Llm.TimeoutSeconds), TimeSpan.FromSeconds(120)));
        AddRemote(services, ReadingRegistration.Remote, new Uri(options.Reading.ArxivBaseUrl.TrimEnd('/') + "/"),
            new RetrySettings(2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(options.Reading.TimeoutSeconds), TimeSpan.FromSeconds(60)));
        services.AddHttpClient(SourcesRegistration.ArxivApiRemote, http => http.Timeout = Timeout.InfiniteTimeSpan);
        AddRemote(services, SourcesRegistration.GitHubRemote, new Uri(options.GitHub.ApiUrl.TrimEnd('/') + "/"),
            new RetrySettings(2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)));
    }

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
