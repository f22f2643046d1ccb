using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Search;
using PaperDigest.Store;
using PaperDigest.Summaries;

namespace PaperDigest.Web;

/// <summary>The reader's read models and pages (for `serve` and `site`), with the search and the summary cache they read.</summary>
internal static class WebRegistration
{
    /// <param name="sources">The configured sources (sources:), whose digests' pages carry their header and listing address.</param>
    /// <param name="rssBase">arxiv.rss_url, the base of those listings' addresses.</param>
    public static IServiceCollection AddReader(this IServiceCollection services, WebOptions options,
        IReadOnlyList<Listings.SourceOptions>? sources = null, string rssBase = Sources.ArxivRssClient.DefaultRssBase) =>
        services.AddSingleton(options)
            .AddSummaryCache()
            .AddSearch()
            .AddSingleton<StoreVersionReader>()
            .AddSingleton<SecondRequestFilter>()
            .AddSingleton<ReaderStore>()
            .AddSingleton<ReaderTranslations>()
            .AddSingleton<ReaderPageService>()
            .AddSingleton<StaticSiteWriter>()
            .AddSourceDigestPages(sources ?? [], rssBase);

    /// <summary>The named sources' pages (`daily --source`), reading source_digests through the Listings feature's store.</summary>
    private static IServiceCollection AddSourceDigestPages(this IServiceCollection services, IReadOnlyList<Listings.SourceOptions> sources, string rssBase)
    {
        var origins = sources.ToDictionary(s => s.Name, s => Listings.SourceDigest.DigestOrigin(s, rssBase), StringComparer.Ordinal);
        return services.AddSingleton<Listings.ListingStore>()
            .AddSingleton(sp => new SourceDigestPageService(sp.GetRequiredService<ReaderStore>(), sp.GetRequiredService<ReaderPageService>(),
                sp.GetRequiredService<Listings.ListingStore>(), origins));
    }
}
