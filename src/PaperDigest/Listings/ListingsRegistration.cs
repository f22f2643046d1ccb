using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Http;
using PaperDigest.Ranking;
using PaperDigest.Sources;

namespace PaperDigest.Listings;

/// <summary>`daily --source`: the RSS client over its remote, the profile and the listing's fetch stage.</summary>
internal static class ListingsRegistration
{
    public static IServiceCollection AddListings(this IServiceCollection services, ProfileOptions profile) =>
        services.AddProfile(profile)
            .AddSingleton(sp => new ArxivRssClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.ArxivRss)))
            .AddSingleton<ListingStore>()
            .AddSingleton<ListingFetcher>();

    public static IServiceCollection AddProfile(this IServiceCollection services, ProfileOptions profile)
    {
        services.AddSingleton(profile);
        services.AddSingleton<EmbeddingStore>();
        services.AddSingleton<ProfileLoader>();
        return services;
    }
}
