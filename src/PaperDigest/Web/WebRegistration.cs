using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaperDigest.Listings;
using PaperDigest.Publishing;
using PaperDigest.Search;
using PaperDigest.Summaries;

namespace PaperDigest.Web;

/// <summary>The reader's read models and pages (for `serve` and `site`), with the search and the summary cache they read.</summary>
internal static class WebRegistration
{
    /// <param name="sources">The configured sources (sources:), whose digests' pages carry their header and listing address.</param>
    /// <param name="rssBase">arxiv.rss_url, the base of those listings' addresses.</param>
    public static IServiceCollection AddReader(this IServiceCollection services, WebOptions options, IReadOnlyList<SourceOptions>? sources = null, string rssBase = Sources.ArxivRssClient.DefaultRssBase)
    {
        var origins = (sources ?? []).ToDictionary(s => s.Name, s => SourceDigest.DigestOrigin(s, rssBase), StringComparer.Ordinal);
        services.AddSingleton(options)
            .AddSummaryCache()
            .AddSearch()
            .AddSingleton<ReaderStore>()
            .AddSingleton<ReaderTranslations>()
            .AddSingleton<ReaderPageService>()
            .AddSingleton<StaticSiteWriter>();
        services.TryAddSingleton<ListingStore>();
        return services.AddSingleton(sp => new SourceDigestPageService(sp.GetRequiredService<ReaderStore>(), sp.GetRequiredService<ReaderPageService>(),
            sp.GetRequiredService<ListingStore>(), origins));
    }
}
