using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PaperDigest.Papers;
using PaperDigest.Store;

namespace PaperDigest.Import;

/// <summary>
/// Bulk writes of imported metadata: one transaction and one prepared command per batch. Merges like
/// PaperStore.UpsertAsync (known values are never erased); the search triggers index every row.
/// </summary>
internal sealed class ImportStore(SqliteStore store, TimeProvider time)
{
    /// <summary>Writes a batch in one transaction; returns how many rows were written.</summary>
    public async Task<int> WriteAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size = -65536;"; // 64 MiB: the FTS5 segment merges of a big batch stay in memory
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = PaperStore.UpsertSql;
        var names = new[] { "@Id", "@Version", "@Title", "@Abstract", "@Authors", "@Categories", "@Comment", "@Published", "@Now", "@CodeUrl", "@GithubStars", "@Upvotes", "@AiSummary", "@AiKeywords" };
        var parameters = names.Select(n => command.Parameters.Add(n, n is "@Version" or "@GithubStars" or "@Upvotes" ? SqliteType.Integer : SqliteType.Text)).ToArray();
        command.Prepare();
        parameters[8].Value = time.GetUtcNow().ToString("O");
        foreach (var unknown in parameters[9..]) unknown.Value = DBNull.Value; // not in arXiv metadata: kept as stored
        foreach (var p in papers)
        {
            parameters[0].Value = p.Id.Id;
            parameters[1].Value = p.Id.Version is { } v ? v : DBNull.Value;
            parameters[2].Value = p.Title;
            parameters[3].Value = p.Abstract;
            parameters[4].Value = JsonSerializer.Serialize(p.Authors);
            parameters[5].Value = JsonSerializer.Serialize(p.Categories);
            parameters[6].Value = (object?)p.Comment ?? DBNull.Value;
            parameters[7].Value = p.Published is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return papers.Count;
    }
}
