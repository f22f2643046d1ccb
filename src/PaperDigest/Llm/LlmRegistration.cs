using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PaperDigest.Http;
using PaperDigest.Store;

namespace PaperDigest.Llm;

/// <summary>The model's client over the "llm" remote, what it learnt of each endpoint, and the run's usage counter.</summary>
internal static class LlmRegistration
{
    /// <summary>The run's token counter alone: commands report it even when no LLM is configured (zero).</summary>
    public static IServiceCollection AddLlmUsage(this IServiceCollection services)
    {
        services.TryAddSingleton<LlmUsage>();
        return services;
    }

    /// <summary>The chat client, and with llm.embeddings_model the embeddings client over the same client and remote.</summary>
    public static IServiceCollection AddLlm(this IServiceCollection services, LlmOptions options, string? apiKey)
    {
        services.AddLlmUsage()
            .AddSingleton(options)
            .AddSingleton(sp => new LlmModeStore(sp.GetRequiredService<SqliteStore>()))
            .AddSingleton(sp => new LlmClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.Llm), options, apiKey, sp.GetRequiredService<LlmUsage>(),
                sp.GetRequiredService<LlmModeStore>(), sp.GetService<ILogger<LlmClient>>(), sp.GetService<TimeProvider>()));
        if (options.HasEmbeddings) services.AddSingleton(sp => new EmbeddingsClient(sp.GetRequiredService<LlmClient>(), options.EmbeddingsModel!));
        return services;
    }
}
