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
                AddRemotes(services, options, command);
                services.AddHuggingFace(options.HuggingFace).AddReading(options.Reading).AddDigest(options.Digest);
                if (llm) services.AddLlm(options.Llm, secrets.OpenAiApiKey);
                services.AddSummaries(options.Llm, llm);
                break;
            case AppCommand.Paper:
                AddRemotes(services, options, command);
                services.AddArxivApi(options.Arxiv).AddReading(options.Reading).AddDigest(options.Digest);
                if (llm) services.AddLlm(options.Llm, secrets.OpenAiApiKey);
                services.AddSummaries(options.Llm, llm);
                break;
            case AppCommand.Track:
                AddRemotes(services, options, command);
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

    /// <summary>Every remote's HttpClient, declared once (Http/Remotes.cs): timeout, retries, Retry-After, pacing.</summary>
    private static void AddRemotes(IServiceCollection services, AppOptions options, AppCommand command)
    {
        if (command is AppCommand.Daily or AppCommand.Track)
            services.AddRemote(Remotes.HuggingFace(new Uri(options.HuggingFace.Endpoint), options.HuggingFace.Timing));
        if (command is AppCommand.Daily or AppCommand.Paper)
            services.AddRemote(Remotes.ArxivPages(new Uri(options.Reading.ArxivBaseUrl), options.Reading.Timing, options.Reading.RequestsPerSecond, options.Reading.Connections));
        if (command is AppCommand.Paper or AppCommand.Track)
            services.AddRemote(Remotes.ArxivApi(new Uri(options.Arxiv.ApiUrl), options.Arxiv.Timing, options.Arxiv.MinInterval));
        if (command is AppCommand.Track)
            services.AddRemote(Remotes.GitHub(new Uri(options.GitHub.ApiUrl)));
        services.AddRemote(Remotes.Llm(RemoteTiming.From(options.Llm.HttpRetries, options.Llm.RetryDelayMs, options.Llm.TimeoutSeconds)));
    }
}
