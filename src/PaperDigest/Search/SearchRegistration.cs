using Microsoft.Extensions.DependencyInjection;

namespace PaperDigest.Search;

/// <summary>Full-text search over the store's indexes.</summary>
internal static class SearchRegistration
{
    public static IServiceCollection AddSearch(this IServiceCollection services) => services.AddSingleton<SearchStore>();
}
