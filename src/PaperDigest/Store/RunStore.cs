using Dapper;

namespace PaperDigest.Store;

/// <summary>What one run did: counts, token usage, outcome.</summary>
internal sealed record RunTotals(int Papers, int Ok, int Failed, int Cached, int LlmRequests, long InputTokens, long OutputTokens, int Unsupported);

/// <summary>One row per command run, started when it starts and finished when it ends (a killed run stays 'running').</summary>
internal sealed class RunStore(SqliteStore store, TimeProvider time)
{
    public async Task<long> StartAsync(string command, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO runs (command, started_at) VALUES (@command, @now) RETURNING id",
            new { command, now = time.GetUtcNow().ToString("O") }, cancellationToken: cancellationToken));
    }

    public async Task FinishAsync(long runId, string status, RunTotals totals, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE runs SET finished_at = @now, status = @status, papers = @Papers, ok = @Ok, failed = @Failed, cached = @Cached,
                            llm_requests = @LlmRequests, input_tokens = @InputTokens, output_tokens = @OutputTokens, unsupported = @Unsupported
            WHERE id = @runId
            """,
            new
            {
                runId, status, now = time.GetUtcNow().ToString("O"),
                totals.Papers, totals.Ok, totals.Failed, totals.Cached, totals.LlmRequests, totals.InputTokens, totals.OutputTokens, totals.Unsupported,
            }, cancellationToken: cancellationToken));
    }
}
