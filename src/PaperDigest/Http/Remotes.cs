using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PaperDigest.Http;

/// <summary>
/// The one declaration of every remote PaperDigest talks to, and the one way to register it. The composition root
/// passes the values from the options (which validated them); the policies (what is retried, how politely) live here.
/// </summary>
internal static class Remotes
{
    /// <summary>arXiv's query API asks for one request at a time; the API's user agent names the project.</summary>
    public const string ArxivUserAgent = "PaperDigest/0.1 (+https://github.com/paperdigest)";

    /// <summary>Spacing a little over arXiv's interval, so that network jitter never lets arXiv see two requests closer.</summary>
    private const double ArxivJitterMargin = 1.05;

    public static RemoteDeclaration HuggingFace(Uri endpoint, RemoteTiming timing) =>
        new(RemoteNames.HuggingFace, "Hugging Face", Root(endpoint), "HF_ENDPOINT", "huggingface.timeout_seconds", timing, RemoteDeclaration.TransientStatus);

    /// <summary>The query API (https://info.arxiv.org/help/api/tou.html): one request at a time, <paramref name="minInterval"/> between starts; 406 is arXiv's "busy" too.</summary>
    public static RemoteDeclaration ArxivApi(Uri queryUrl, RemoteTiming timing, TimeSpan minInterval) =>
        new(RemoteNames.ArxivApi, "arXiv", queryUrl, "ARXIV_API_URL", "arxiv.timeout_seconds", timing,
            s => s == HttpStatusCode.NotAcceptable || RemoteDeclaration.TransientStatus(s),
            RemotePacing.OneEvery(minInterval * ArxivJitterMargin), ArxivUserAgent);

    /// <summary>arXiv's /abs/, /html/ and /pdf/ pages: at most <paramref name="startsPerSecond"/> requests starting in any second, <paramref name="connections"/> at a time.</summary>
    public static RemoteDeclaration ArxivPages(Uri baseUrl, RemoteTiming timing, int startsPerSecond, int connections) =>
        new(RemoteNames.ArxivPages, "arXiv", Root(baseUrl), "ARXIV_BASE_URL", "reading.timeout_seconds", timing, RemoteDeclaration.TransientStatus,
            new RemotePacing(startsPerSecond, TimeSpan.FromSeconds(1), connections), ArxivUserAgent);

    /// <summary>arXiv's RSS listings (`daily --source`): one request a run, retried like the query API.</summary>
    public static RemoteDeclaration ArxivRss(Uri rssBase, RemoteTiming timing) =>
        new(RemoteNames.ArxivRss, "arXiv RSS", Root(rssBase), "ARXIV_RSS_URL", "arxiv.timeout_seconds", timing, RemoteDeclaration.TransientStatus,
            null, ArxivUserAgent);

    /// <summary>Stars are a nicety: GitHub's rate limit (403/429) is not waited for, only a 408/5xx is tried once more.</summary>
    public static RemoteDeclaration GitHub(Uri apiUrl) =>
        new(RemoteNames.GitHub, "GitHub", Root(apiUrl), "github.api_url", null,
            new RemoteTiming(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), RemoteTiming.DefaultMaxRetryAfter),
            s => s == HttpStatusCode.RequestTimeout || (int)s >= 500);

    /// <summary>The OpenAI-compatible endpoint; the SDK sets its own address, so none here.</summary>
    public static RemoteDeclaration Llm(RemoteTiming timing) =>
        new(RemoteNames.Llm, "the LLM endpoint", null, "OPENAI_BASE_URL", "llm.timeout_seconds", timing with { MaxRetryAfter = TimeSpan.FromSeconds(120) },
            RemoteDeclaration.TransientStatus);

    /// <summary>Chat webhooks (Feishu, DingTalk, WeCom, Slack, Discord, Telegram): each URL is absolute, so no base address; 429/5xx retried.</summary>
    public static RemoteDeclaration Webhooks(RemoteTiming timing) =>
        new(RemoteNames.Webhooks, "a chat webhook", null, "notify.webhooks", "notify.timeout_seconds", timing, RemoteDeclaration.TransientStatus);

    /// <summary>
    /// Registers the remote's named HttpClient: no HttpClient-wide timeout (each attempt has one, body included), its
    /// retries, Retry-After and pacing in a <see cref="RemoteHandler"/>, its pacing shared by every client of that name.
    /// </summary>
    public static IHttpClientBuilder AddRemote(this IServiceCollection services, RemoteDeclaration remote)
    {
        remote.EnsureValid();
        services.AddKeyedSingleton(remote.Name, (sp, _) => new RemotePacer(remote.Pacing, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services.AddHttpClient(remote.Name, http =>
            {
                if (remote.BaseAddress is not null) http.BaseAddress = remote.BaseAddress;
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd(remote.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { MaxConnectionsPerServer = remote.Pacing?.Concurrency ?? int.MaxValue })
            .AddHttpMessageHandler(sp => new RemoteHandler(
                remote,
                sp.GetRequiredKeyedService<RemotePacer>(remote.Name),
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetService<ILoggerFactory>()?.CreateLogger<RemoteHandler>() ?? NullLogger<RemoteHandler>.Instance));
    }

    private static Uri Root(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
