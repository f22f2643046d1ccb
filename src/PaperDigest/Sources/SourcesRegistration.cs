using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperDigest.Http;

namespace PaperDigest.Sources;

/// <summary>The sources' clients, each over its remote's HttpClient (timeouts, retries and pacing live there).</summary>
internal static class SourcesRegistration
{
    /// <summary>Hugging Face's daily papers (and the fetch stage of `daily`) and its per-paper API.</summary>
    public static IServiceCollection AddHuggingFace(this IServiceCollection services, HuggingFaceOptions options) =>
        services.AddSingleton(options)
            .AddSingleton(sp => new HuggingFaceDailyClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.HuggingFace)))
            .AddSingleton(sp => new HuggingFacePaperClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.HuggingFace)))
            .AddSingleton<DailyFetcher>();

    public static IServiceCollection AddArxivApi(this IServiceCollection services, ArxivOptions options) =>
        services.AddSingleton(options)
            .AddSingleton(sp => new ArxivApiClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.ArxivApi), options,
                sp.GetRequiredService<ILogger<ArxivApiClient>>()));

    public static IServiceCollection AddGitHub(this IServiceCollection services, GitHubOptions options, string? token) =>
        services.AddSingleton(options)
            .AddSingleton(sp => new GitHubRepoClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.GitHub), token, sp.GetRequiredService<ILogger<GitHubRepoClient>>()));
}
