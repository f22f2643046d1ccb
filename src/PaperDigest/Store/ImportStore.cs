using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PaperDigest.Papers;

namespace PaperDigest.Store;

/// <summary>
/// Bulk writes of imported metadata: one transaction and one prepared command per batch. Merges like
/// PaperStore.UpsertAsync (known values are never erased); the search triggers index every row.
/// </summary>
internal sealed class ImportStore(SqliteStore store, TimeProvider time)
{
    private const string Upsert =
        """
        INSERT INTO papers (id, version, title, abstract, authors, categories, comment, published, first_seen, updated_at)
        VALUES ($id, $version, $title, $abstract, $authors, $categories, $comment, $published, $now, $now)
        ON CONFLICT (id) DO UPDATE SET
            version    = nullif(max(coalesce(excluded.version, 0), coalesce(papers.version, 0)), 0),
            title      = CASE WHEN excluded.title <> '' THEN excluded.title ELSE papers.title END,
            abstract   = CASE WHEN excluded.abstract <> '' THEN excluded.abstract ELSE papers.abstract END,
            authors    = CASE WHEN excluded.authors <> '[]' THEN excluded.authors ELSE papers.authors END,
            categories = CASE WHEN excluded.categories <> '[]' THEN excluded.categories ELSE papers.categories END,
            comment    = coalesce(excluded.comment, papers.comment),
            published  = CASE WHEN papers.published IS NULL OR excluded.published < papers.published THEN coalesce(excluded.published, papers.published) ELSE papers.published END,
            updated_at = excluded.updated_at
        """;

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
        command.CommandText = Upsert;
        var names = new[] { "$id", "$version", "$title", "$abstract", "$authors", "$categories", "$comment", "$published", "$now" };
        var parameters = names.Select(n => command.Parameters.Add(n, n == "$version" ? SqliteType.Integer : SqliteType.Text)).ToArray();
        command.Prepare();
        parameters[8].Value = time.GetUtcNow().ToString("O");
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
