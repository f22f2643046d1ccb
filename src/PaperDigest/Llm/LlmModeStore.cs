using Dapper;
using PaperDigest.Store;

namespace PaperDigest.Llm;

/// <summary>The request shape that works for each (base URL, model), so that the next run sends no rejected request.</summary>
internal sealed class LlmModeStore(SqliteStore store)
{
    public async Task<ProviderMode?> GetAsync(string baseUrl, string model, bool negotiated, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Structured, long DisableThinking, string OutputLimit)?>(new CommandDefinition(
            "SELECT structured, disable_thinking, output_limit FROM llm_endpoint_modes WHERE base_url = @baseUrl AND model = @model",
            new { baseUrl, model }, cancellationToken: cancellationToken));
        if (row is not { } r) return null;
        return new ProviderMode(
            ProviderMode.Parse(r.Structured) ?? StructuredMode.JsonSchema,
            r.DisableThinking != 0,
            r.OutputLimit == "max_tokens" ? OutputLimitParameter.MaxTokens : OutputLimitParameter.MaxCompletionTokens,
            negotiated);
    }

    public async Task SaveAsync(string baseUrl, string model, ProviderMode mode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO llm_endpoint_modes (base_url, model, structured, disable_thinking, output_limit, learnt_at)
            VALUES (@baseUrl, @model, @structured, @disableThinking, @outputLimit, @now)
            ON CONFLICT (base_url, model) DO UPDATE SET structured = excluded.structured, disable_thinking = excluded.disable_thinking,
                output_limit = excluded.output_limit, learnt_at = excluded.learnt_at
            """,
            new
            {
                baseUrl, model,
                structured = ProviderMode.Name(mode.Structured),
                disableThinking = mode.DisableThinking ? 1 : 0,
                outputLimit = mode.OutputLimit == OutputLimitParameter.MaxTokens ? "max_tokens" : "max_completion_tokens",
                now = now.ToString("O"),
            }, cancellationToken: cancellationToken));
    }
}
