using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Search;
using PaperDigest.Store;
using PaperDigest.Summaries;

namespace PaperDigest.Web;

/// <summary>The reader's read models and pages (for `serve` and `site`), with the search and the summary cache they read.</summary>
internal static class WebRegistration
{
    public static IServiceCollection AddReader(this IServiceCollection services, WebOptions options) =>
        services.AddSingleton(options)
            .AddSummaryCache()
            .AddSearch()
            .AddSingleton<StoreVersionReader>()
            .AddSingleton<ReaderStore>()
            .AddSingleton<ReaderTranslations>()
            .AddSingleton<ReaderPageService>()
            .AddSingleton<StaticSiteWriter>();
}
