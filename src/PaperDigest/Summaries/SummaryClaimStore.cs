using Dapper;
using PaperDigest.Store;

namespace PaperDigest.Summaries;

/// <summary>
/// Claims on summary keys (summary_claims): the run that holds one is writing that summary; others wait for it.
/// A claim older than the stale time (a killed or stalled run) is taken over.
/// </summary>
internal sealed class SummaryClaimStore(SqliteStore store)
{
    /// <summary>Claims <paramref name="key"/> for <paramref name="runId"/>: true when it is now ours (new, ours already, or stale).</summary>
    public async Task<bool> TryClaimAsync(SummaryKey key, string runId, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO summary_claims (paper_id, paper_version, style, lang, prompt_version, model, run_id, claimed_at)
            VALUES (@PaperId, @PaperVersion, @Style, @Lang, @PromptVersion, @Model, @runId, @now)
            ON CONFLICT (paper_id, paper_version, style, lang, prompt_version, model) DO UPDATE SET
                run_id = excluded.run_id, claimed_at = excluded.claimed_at
            WHERE summary_claims.run_id = excluded.run_id OR summary_claims.claimed_at < @stale
            """,
            new { key.PaperId, key.PaperVersion, key.Style, key.Lang, key.PromptVersion, key.Model, runId, now = now.UtcDateTime.ToString("O"), stale = staleBefore.UtcDateTime.ToString("O") },
            cancellationToken: cancellationToken));
        return rows > 0;
    }

    /// <summary>Takes a claim over from <paramref name="holder"/> (a run that is gone); false when someone else got there first.</summary>
    public async Task<bool> TakeOverAsync(SummaryKey key, string holder, string runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE summary_claims SET run_id = @runId, claimed_at = @now
            WHERE paper_id = @PaperId AND paper_version = @PaperVersion AND style = @Style AND lang = @Lang
                AND prompt_version = @PromptVersion AND model = @Model AND run_id = @holder
            """,
            new { key.PaperId, key.PaperVersion, key.Style, key.Lang, key.PromptVersion, key.Model, runId, holder, now = now.UtcDateTime.ToString("O") },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The run holding the claim on <paramref name="key"/>, or null.</summary>
    public async Task<string?> HolderAsync(SummaryKey key, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            SELECT run_id FROM summary_claims WHERE paper_id = @PaperId AND paper_version = @PaperVersion AND style = @Style AND lang = @Lang
                AND prompt_version = @PromptVersion AND model = @Model
            """,
            new { key.PaperId, key.PaperVersion, key.Style, key.Lang, key.PromptVersion, key.Model }, cancellationToken: cancellationToken));
    }

    /// <summary>Gives the claim up (the summary is stored, or writing it failed).</summary>
    public async Task ReleaseAsync(SummaryKey key, string runId, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM summary_claims WHERE paper_id = @PaperId AND paper_version = @PaperVersion AND style = @Style AND lang = @Lang
                AND prompt_version = @PromptVersion AND model = @Model AND run_id = @runId
            """,
            new { key.PaperId, key.PaperVersion, key.Style, key.Lang, key.PromptVersion, key.Model, runId }, cancellationToken: cancellationToken));
    }
}
