using Microsoft.Extensions.DependencyInjection;

namespace PaperDigest.Store;

/// <summary>The store kernel's services: the database, the paper merge rule, the run log.</summary>
internal static class StoreRegistration
{
    public static IServiceCollection AddStore(this IServiceCollection services, StoreOptions options) =>
        services.AddSingleton(options)
            .AddSingleton(_ => SqliteStore.Open(options.Path))
            .AddSingleton<PaperStore>()
            .AddSingleton<RunStore>();
}
