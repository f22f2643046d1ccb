using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PaperDigest.Papers;
using PaperDigest.Store;

namespace PaperDigest.Import;

/// <summary>
/// Bulk writes of imported metadata. Merges like PaperStore.UpsertAsync (known values are never erased); the search
/// triggers index every row. An import opens one <see cref="ImportWriter"/>: one connection and one prepared command for
/// the whole file, one transaction per batch (a killed import keeps its whole batches; the merge makes a rerun finish it).
/// </summary>
internal sealed class ImportStore(SqliteStore store, TimeProvider time)
{
    public async Task<ImportWriter> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await store.ConnectAsync(cancellationToken);
        try
        {
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA cache_size = -65536;"; // 64 MiB: the FTS5 segment merges of a big batch stay in memory
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
            return new ImportWriter(connection, time);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes a batch in one transaction; returns how many rows were written.</summary>
    public async Task<int> WriteAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        await using var writer = await OpenWriterAsync(cancellationToken);
        return await writer.WriteAsync(papers, cancellationToken);
    }
}

/// <summary>One import's connection and prepared upsert, reused for every batch.</summary>
internal sealed class ImportWriter : IAsyncDisposable
{
    private static readonly string[] Names = ["@Id", "@Version", "@Title", "@Abstract", "@Authors", "@Categories", "@Comment", "@Published", "@Now", "@CodeUrl", "@GithubStars", "@Upvotes", "@AiSummary", "@AiKeywords"];
    private readonly SqliteConnection connection;
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;
    private readonly TimeProvider time;

    internal ImportWriter(SqliteConnection connection, TimeProvider time)
    {
        this.connection = connection;
        this.time = time;
        command = connection.CreateCommand();
        command.CommandText = PaperStore.UpsertSql;
        parameters = Names.Select(n => command.Parameters.Add(n, n is "@Version" or "@GithubStars" or "@Upvotes" ? SqliteType.Integer : SqliteType.Text)).ToArray();
        foreach (var unknown in parameters[9..]) unknown.Value = DBNull.Value; // not in arXiv metadata: kept as stored
    }

    /// <summary>
    /// Writes a batch in one transaction. The per-row insert trigger is dropped inside the transaction and recreated
    /// before commit (no other connection ever sees it missing): the batch's new papers are given search ids and indexed
    /// in two set-wise INSERT ... SELECTs instead of a view lookup per row. Rows already stored still go through the
    /// update trigger, so the indexes stay exactly as the triggers would leave them.
    /// </summary>
    public async Task<int> WriteAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var trigger = await ScalarAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_papers_insert'", transaction, cancellationToken);
        var lastDoc = await ScalarAsync<long>("SELECT coalesce(max(doc), 0) FROM search_docs", transaction, cancellationToken);
        if (trigger is not null) await ExecuteAsync("DROP TRIGGER search_papers_insert", transaction, cancellationToken);
        command.Transaction = transaction;
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
        if (trigger is not null)
        {
            await ExecuteAsync("INSERT OR IGNORE INTO search_docs (paper_id) SELECT value FROM json_each(@ids)", transaction, cancellationToken,
                ("@ids", JsonSerializer.Serialize(papers.Select(p => p.Id.Id))));
            await ExecuteAsync("""
                INSERT INTO search_words (rowid, title, authors, abstract, summaries)
                    SELECT doc, title, authors, abstract, summaries FROM search_documents WHERE doc > @last;
                INSERT INTO search_trigram (rowid, title, summaries)
                    SELECT doc, title, summaries FROM search_documents WHERE doc > @last;
                """, transaction, cancellationToken, ("@last", lastDoc));
            await ExecuteAsync(trigger, transaction, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        command.Transaction = null;
        return papers.Count;
    }

    private async Task ExecuteAsync(string sql, SqliteTransaction transaction, CancellationToken cancellationToken, params (string Name, object Value)[] args)
    {
        await using var c = connection.CreateCommand();
        c.Transaction = transaction;
        c.CommandText = sql;
        foreach (var (name, value) in args) c.Parameters.AddWithValue(name, value);
        await c.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T?> ScalarAsync<T>(string sql, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var c = connection.CreateCommand();
        c.Transaction = transaction;
        c.CommandText = sql;
        return await c.ExecuteScalarAsync(cancellationToken) is T value ? value : default;
    }

    public async ValueTask DisposeAsync()
    {
        await command.DisposeAsync();
        await connection.DisposeAsync();
    }
}
