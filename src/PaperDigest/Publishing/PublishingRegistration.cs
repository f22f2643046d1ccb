using Microsoft.Extensions.DependencyInjection;

namespace PaperDigest.Publishing;

/// <summary>The publish stage of `daily`.</summary>
internal static class PublishingRegistration
{
    public static IServiceCollection AddDigest(this IServiceCollection services, DigestOptions options) =>
        services.AddSingleton(options).AddSingleton<DigestPublisher>();
}
