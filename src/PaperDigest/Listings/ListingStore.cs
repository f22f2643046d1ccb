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

    /// <summary>Every source with a stored digest: its name, how many days it has, its newest day; by name.</summary>
    public async Task<IReadOnlyList<(string Source, int Days, DateOnly Newest)>> SourcesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Source, long Days, string Newest)>(new CommandDefinition(
            "SELECT source, count(DISTINCT date), max(date) FROM source_digests GROUP BY source ORDER BY source", cancellationToken: cancellationToken));
        return rows.Where(r => ParseDay(r.Newest) is not null).Select(r => (r.Source, (int)r.Days, ParseDay(r.Newest)!.Value)).ToList();
    }

    /// <summary>The days of one source's digests with their paper counts, newest first; empty for a source with none.</summary>
    public async Task<IReadOnlyList<(DateOnly Date, int Papers)>> DaysAsync(string source, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Date, long Papers)>(new CommandDefinition(
            "SELECT date, count(*) FROM source_digests WHERE source = @source GROUP BY date ORDER BY date DESC", new { source }, cancellationToken: cancellationToken));
        return rows.Where(r => ParseDay(r.Date) is not null).Select(r => (ParseDay(r.Date)!.Value, (int)r.Papers)).ToList();
    }

    /// <summary>The papers of one source's digest of one day with their relevance, most relevant first; empty when there is none.</summary>
    public async Task<IReadOnlyList<(string PaperId, PaperRelevance Relevance)>> DigestAsync(string source, DateOnly date, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string PaperId, double Score, string Why)>(new CommandDefinition(
            "SELECT paper_id, score, why FROM source_digests WHERE source = @source AND date = @day ORDER BY position",
            new { source, day = Day(date) }, cancellationToken: cancellationToken));
        return rows.Select(r => (r.PaperId, new PaperRelevance(r.Score, WhyList(r.Why)))).ToList();
    }

    /// <summary>Ids of every paper some source's digest holds (the static site writes their pages).</summary>
    public async Task<IReadOnlyList<string>> PaperIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT paper_id FROM source_digests ORDER BY 1", cancellationToken: cancellationToken));
        return ids.ToList();
    }

    /// <summary>The stored "why" array; a value that is not an array of strings reads as no reasons rather than failing the page.</summary>
    private static IReadOnlyList<string> WhyList(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string?>>(json)?.OfType<string>().ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>A stored day; null for a value that is not one (the row is then left out, not a failed page).</summary>
    private static DateOnly? ParseDay(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
