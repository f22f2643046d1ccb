using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperDigest.Cli;
using PaperDigest.Configuration;
using PaperDigest.Delivery;
using PaperDigest.Http;
using PaperDigest.Import;
using PaperDigest.Listings;
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
                services.AddRemote(Remotes.HuggingFace(new Uri(options.HuggingFace.Endpoint), options.HuggingFace.Timing));
                services.AddHuggingFace(options.HuggingFace);
                services.AddRemote(Remotes.ArxivRss(new Uri(options.Arxiv.RssUrl), options.Arxiv.Timing));
                services.AddListings(options.Profile);
                AddSummarizing(services, options, secrets, llm);
                AddDelivery(services, options, secrets); // daily --notify
                break;
            case AppCommand.Paper:
                services.AddRemote(Remotes.ArxivApi(new Uri(options.Arxiv.ApiUrl), options.Arxiv.Timing, options.Arxiv.MinInterval));
                services.AddArxivApi(options.Arxiv);
                AddSummarizing(services, options, secrets, llm);
                break;
            case AppCommand.Track:
                var stars = options.FetchesStars(secrets);
                var translate = options.Tracker.TranslateAbstracts && llm;
                services.AddRemote(Remotes.ArxivApi(new Uri(options.Arxiv.ApiUrl), options.Arxiv.Timing, options.Arxiv.MinInterval));
                services.AddRemote(Remotes.HuggingFace(new Uri(options.HuggingFace.Endpoint), options.HuggingFace.Timing));
                services.AddArxivApi(options.Arxiv).AddHuggingFace(options.HuggingFace);
                if (stars)
                {
                    services.AddRemote(Remotes.GitHub(new Uri(options.GitHub.ApiUrl)));
                    services.AddGitHub(options.GitHub, secrets.GithubToken);
                }
                if (translate) AddLlm(services, options, secrets);
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
                services.AddReader(options.Web, options.Sources, options.Arxiv.RssUrl);
                break;
            case AppCommand.Notify:
                AddDelivery(services, options, secrets);
                break;
            case AppCommand.Doctor:
                services.AddRemote(Remotes.HuggingFace(new Uri(options.HuggingFace.Endpoint), options.HuggingFace.Timing));
                services.AddHuggingFace(options.HuggingFace);
                services.AddRemote(Remotes.ArxivApi(new Uri(options.Arxiv.ApiUrl), options.Arxiv.Timing, options.Arxiv.MinInterval));
                services.AddArxivApi(options.Arxiv);
                if (llm) AddLlm(services, options, secrets);
                break;
        }
    }

    /// <summary>`notify` and `daily --notify`: the webhooks remote and the channels of notify:.</summary>
    internal static void AddDelivery(IServiceCollection services, AppOptions options, Secrets secrets)
    {
        services.AddRemote(Remotes.Webhooks(options.Notify.Timing));
        services.AddDelivery(options.Notify, secrets.SmtpPassword, secrets.TelegramBotToken);
    }

    /// <summary>Read (arXiv pages), summarize (the LLM when configured, else offline) and publish: `daily` and `paper`.</summary>
    private static void AddSummarizing(IServiceCollection services, AppOptions options, Secrets secrets, bool llm)
    {
        services.AddRemote(Remotes.ArxivPages(new Uri(options.Reading.ArxivBaseUrl), options.Reading.Timing, options.Reading.RequestsPerSecond, options.Reading.Connections));
        services.AddReading(options.Reading).AddDigest(options.Digest);
        if (llm) AddLlm(services, options, secrets);
        services.AddSingleton(new SummaryReading(options.Digest.Read == DigestOptions.ReadFull));
        services.AddSummaries(options.Llm, llm);
    }

    /// <summary>The model's client over its remote (timeout per attempt, retries, Retry-After).</summary>
    private static void AddLlm(IServiceCollection services, AppOptions options, Secrets secrets)
    {
        services.AddRemote(Remotes.Llm(RemoteTiming.From(options.Llm.HttpRetries, options.Llm.RetryDelayMs, options.Llm.TimeoutSeconds)));
        services.AddLlm(options.Llm, secrets.OpenAiApiKey);
    }
}
