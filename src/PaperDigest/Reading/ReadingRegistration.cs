using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Http;

namespace PaperDigest.Reading;

/// <summary>The read stage: arXiv pages over the "arxiv-pages" remote, and the full-text cache.</summary>
internal static class ReadingRegistration
{
    public static IServiceCollection AddReading(this IServiceCollection services, ReadingOptions options) =>
        services.AddSingleton(options)
            .AddSingleton(sp => new FullTextReader(sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.ArxivPages), options))
            .AddSingleton<FullTextStore>();
}
