using System.Globalization;
using System.Text.Json;
using Dapper;
using PaperDigest.Papers;
using PaperDigest.Store;

namespace PaperDigest.Listings;

/// <summary>Which papers each source's digest of each day holds, with their relevance (table source_digests).</summary>
internal sealed class ListingStore(SqliteStore store)
{
    /// <summary>Of <paramref name="ids"/>, those already in a digest of this source before <paramref name="date"/>.</summary>
    public async Task<IReadOnlySet<string>> SeenBeforeAsync(string source, DateOnly date, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var seen = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT paper_id FROM source_digests WHERE source = @source AND date < @day",
            new { source, day = Day(date) }, cancellationToken: cancellationToken));
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        return seen.Where(wanted.Contains).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Replaces the digest of one source and day with these papers, in this order.</summary>
    public async Task SaveAsync(string source, DateOnly date, IReadOnlyList<(string PaperId, PaperRelevance Relevance)> papers, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var day = Day(date);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM source_digests WHERE source = @source AND date = @day", new { source, day }, transaction, cancellationToken: cancellationToken));
        for (var i = 0; i < papers.Count; i++)
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT OR REPLACE INTO source_digests (source, date, position, paper_id, score, why) VALUES (@source, @day, @i, @id, @score, @why)",
                new { source, day, i, id = papers[i].PaperId, score = papers[i].Relevance.Score, why = JsonSerializer.Serialize(papers[i].Relevance.Why) },
                transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
