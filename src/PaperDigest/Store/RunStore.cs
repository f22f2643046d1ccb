using System.Text.Json;
using Dapper;
using PaperDigest.Files;

namespace PaperDigest.Store;

/// <summary>What one run did: counts, token usage, outcome.</summary>
/// <param name="CachedInputTokens">The part of <paramref name="InputTokens"/> the provider served from its prompt cache.</param>
/// <param name="Cost">The run's cost at llm.prices, or null without prices.</param>
internal sealed record RunTotals(int Papers, int Ok, int Failed, int Cached, int LlmRequests, long InputTokens, long OutputTokens, int Unsupported,
    long CachedInputTokens = 0, double? Cost = null)
{
    public static RunTotals None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// One row per command run, started when it starts and finished when it ends (see <see cref="RunScope"/>). A row stays
/// 'running' only while its process lives: the next start marks the rows of killed runs 'interrupted'.
/// </summary>
internal sealed class RunStore(SqliteStore store, TimeProvider time)
{
    public async Task<long> StartAsync(string command, CancellationToken cancellationToken)
    {
        await MarkInterruptedAsync(cancellationToken);
        await using var connection = await store.ConnectAsync(cancellationToken);
        var owner = JsonSerializer.Serialize(new RunOwner(LiveProcess.CurrentId, Environment.MachineName));
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO runs (command, started_at, detail) VALUES (@command, @now, @owner) RETURNING id",
            new { command, now = time.GetUtcNow().ToString("O"), owner }, cancellationToken: cancellationToken));
    }

    public async Task FinishAsync(long runId, string status, RunTotals totals, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE runs SET finished_at = @now, status = @status, papers = @Papers, ok = @Ok, failed = @Failed, cached = @Cached,
                            llm_requests = @LlmRequests, input_tokens = @InputTokens, output_tokens = @OutputTokens, unsupported = @Unsupported,
                            cached_input_tokens = @CachedInputTokens, cost = @Cost
            WHERE id = @runId
            """,
            new
            {
                runId, status, now = time.GetUtcNow().ToString("O"),
                totals.Papers, totals.Ok, totals.Failed, totals.Cached, totals.LlmRequests, totals.InputTokens, totals.OutputTokens, totals.Unsupported, totals.CachedInputTokens, totals.Cost,
            }, cancellationToken: cancellationToken));
    }

    /// <summary>Rows left 'running' by a process of this machine that is gone (killed, or the machine lost power) become 'interrupted'.</summary>
    /// <returns>How many rows were marked.</returns>
    public async Task<int> MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var running = await connection.QueryAsync<(long Id, string? Detail)>(new CommandDefinition(
            "SELECT id, detail FROM runs WHERE status = 'running'", cancellationToken: cancellationToken));
        var gone = running.Where(r => IsGone(r.Detail)).Select(r => r.Id).ToList();
        if (gone.Count == 0) return 0;
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET status = 'interrupted', finished_at = coalesce(finished_at, @now) WHERE status = 'running' AND id IN @gone",
            new { gone, now = time.GetUtcNow().ToString("O") }, cancellationToken: cancellationToken));
    }

    /// <summary>A row without an owner was started by an older PaperDigest, which never left a live row behind a finished process.</summary>
    private static bool IsGone(string? detail)
    {
        RunOwner? owner;
        try
        {
            owner = detail is null ? null : JsonSerializer.Deserialize<RunOwner>(detail);
        }
        catch (JsonException)
        {
            return false; // someone else's note: leave the row alone
        }
        if (owner is null) return true;
        return owner.Host == Environment.MachineName && !LiveProcess.IsRunning(owner.Pid);
    }

    private sealed record RunOwner(long Pid, string Host);
}
