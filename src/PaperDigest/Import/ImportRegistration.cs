using Microsoft.Extensions.DependencyInjection;

namespace PaperDigest.Import;

/// <summary>Bulk import of arXiv metadata.</summary>
internal static class ImportRegistration
{
    public static IServiceCollection AddImport(this IServiceCollection services) =>
        services.AddSingleton<ImportStore>().AddSingleton<ArxivImporter>();
}
