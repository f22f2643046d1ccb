using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using PaperDigest.Store;

namespace PaperDigest.Import;

/// <summary>
/// One import's connection. Papers are merged as PaperStore.UpsertSql merges them (known values are never erased), a
/// batch per transaction. Papers new to the store are not indexed row by row: the batch's transaction drops the
/// per-row insert trigger and recreates it before commit (no other connection ever sees it missing), gives the new
/// papers their search ids set-wise, indexes them in search_trigram (small: titles) and records the import_pending
/// mark. <see cref="IndexPendingAsync"/> then fills search_words (the large index) in rowid order, a large chunk per
/// transaction, and clears the mark: one pass, few segments to merge, no merged-away pages left at the end. Papers
/// already stored keep going through the update trigger, so their index entries stay what the triggers make of them.
/// </summary>
internal sealed class ImportWriter : IAsyncDisposable
{
    /// <summary>Papers indexed per transaction: large enough for few FTS5 segments, short enough for other writers to wait.</summary>
    public const int IndexChunk = 50_000;

    /// <summary>
    /// FTS5's in-memory buffer of new index entries (its 'hashsize' option): 1 MiB by default, flushed as a new segment
    /// whenever it fills, and those segments merged later. At 64 MiB a chunk is written as one or two large segments:
    /// less merging and a smaller file (3% less index here). Set and reset inside the chunk's transaction, so no other
    /// connection ever sees anything but the default.
    /// </summary>
    private const int ChunkHashSize = 64 << 20, DefaultHashSize = 1 << 20;

    private static readonly string[] Names = ["@Id", "@Version", "@Title", "@Abstract", "@Authors", "@Categories", "@Comment", "@Published", "@Now", "@CodeUrl", "@GithubStars", "@Upvotes", "@AiSummary", "@AiKeywords"];
    private readonly SqliteConnection connection;
    private readonly SqliteCommand upsert;
    private readonly SqliteParameter[] parameters;
    private readonly TimeProvider time;

    internal ImportWriter(SqliteConnection connection, TimeProvider time)
    {
        this.connection = connection;
        this.time = time;
        upsert = connection.CreateCommand();
        upsert.CommandText = PaperStore.UpsertSql;
        parameters = Names.Select(n => upsert.Parameters.Add(n, n is "@Version" or "@GithubStars" or "@Upvotes" ? SqliteType.Integer : SqliteType.Text)).ToArray();
        foreach (var unknown in parameters[9..]) unknown.Value = DBNull.Value; // not in arXiv metadata: kept as stored
    }

    /// <summary>Papers this writer stored that search_words does not hold yet.</summary>
    public long Unindexed { get; private set; }

    /// <summary>Merges a batch in one transaction; its new papers get search ids, are indexed in search_trigram and marked for <see cref="IndexPendingAsync"/>.</summary>
    public async Task<int> WriteAsync(IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        var trigger = await ScalarAsync("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_papers_insert'", transaction, cancellationToken) as string;
        var nextDoc = (long)(await ScalarAsync("SELECT coalesce(max(doc), 0) + 1 FROM search_docs", transaction, cancellationToken))!;
        if (trigger is not null) await ExecuteAsync("DROP TRIGGER search_papers_insert", transaction, cancellationToken);
        upsert.Transaction = transaction;
        parameters[8].Value = time.GetUtcNow().ToString("O");
        cancellationToken.ThrowIfCancellationRequested();
        Upsert(rows);
        upsert.Transaction = null;
        if (trigger is not null)
        {
            var added = await ExecuteAsync("INSERT OR IGNORE INTO search_docs (paper_id) SELECT value FROM json_each(@ids)", transaction, cancellationToken,
                ("@ids", IdsJson(rows)));
            if (added > 0)
            {
                await ExecuteAsync("""
                    INSERT INTO search_trigram (rowid, title, summaries)
                        SELECT doc, title, summaries FROM search_documents WHERE doc >= @next ORDER BY doc;
                    INSERT INTO import_pending (id, from_doc) VALUES (1, @next)
                        ON CONFLICT (id) DO UPDATE SET from_doc = min(from_doc, excluded.from_doc);
                    """, transaction, cancellationToken, ("@next", nextDoc));
                Unindexed += added;
            }
            await ExecuteAsync(trigger, transaction, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>The batch's rows through the one prepared upsert: SQLite works in-process, so the synchronous call is the whole of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Upsert(IReadOnlyList<ImportRow> rows)
    {
        foreach (var row in rows)
        {
            var p = row.Paper;
            parameters[0].Value = p.Id.Id;
            parameters[1].Value = p.Id.Version is { } v ? v : DBNull.Value;
            parameters[2].Value = p.Title;
            parameters[3].Value = p.Abstract;
            parameters[4].Value = row.Authors;
            parameters[5].Value = row.Categories;
            parameters[6].Value = (object?)p.Comment ?? DBNull.Value;
            parameters[7].Value = p.Published is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            upsert.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Indexes in search_words every paper the import_pending mark covers that search_words lacks (a paper some other
    /// writer changed meanwhile went through the triggers and is skipped), <see cref="IndexChunk"/> papers a transaction,
    /// and clears the mark. Returns how many papers it indexed; <paramref name="onChunk"/> hears the running count.
    /// </summary>
    public async Task<long> IndexPendingAsync(Action<long>? onChunk, CancellationToken cancellationToken)
    {
        long indexed = 0;
        while (true)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            if (await ScalarAsync("SELECT from_doc FROM import_pending", transaction, cancellationToken) is not long from) break;
            var last = (long)(await ScalarAsync("SELECT coalesce(max(doc), 0) FROM search_docs", transaction, cancellationToken))!;
            var to = Math.Min(last, from + IndexChunk - 1);
            await ExecuteAsync($"""
                INSERT INTO search_words (search_words, rank) VALUES ('hashsize', {ChunkHashSize});
                CREATE TEMP TABLE IF NOT EXISTS import_chunk (doc INTEGER PRIMARY KEY);
                DELETE FROM temp.import_chunk;
                INSERT INTO temp.import_chunk (doc)
                    SELECT doc FROM search_docs d WHERE doc BETWEEN @from AND @to AND NOT EXISTS (SELECT 1 FROM search_words w WHERE w.rowid = d.doc);
                INSERT INTO search_words (rowid, title, authors, abstract, summaries)
                    SELECT doc, title, authors, abstract, summaries FROM search_documents WHERE doc IN temp.import_chunk ORDER BY doc;
                INSERT INTO search_words (search_words, rank) VALUES ('hashsize', {DefaultHashSize});
                """, transaction, cancellationToken, ("@from", from), ("@to", to));
            indexed += (long)(await ScalarAsync("SELECT count(*) FROM temp.import_chunk", transaction, cancellationToken))!;
            await ExecuteAsync(to >= last ? "DELETE FROM import_pending" : "UPDATE import_pending SET from_doc = @next", transaction, cancellationToken, ("@next", to + 1));
            await transaction.CommitAsync(cancellationToken);
            onChunk?.Invoke(indexed);
        }
        Unindexed = 0;
        return indexed;
    }

    private static string IdsJson(IReadOnlyList<ImportRow> rows)
    {
        var json = new StringBuilder(rows.Count * 14).Append('[');
        foreach (var row in rows) json.Append('"').Append(row.Paper.Id.Id).Append("\",");
        if (rows.Count > 0) json.Length--;
        return json.Append(']').ToString();
    }

    private async Task<int> ExecuteAsync(string sql, SqliteTransaction transaction, CancellationToken cancellationToken, params (string Name, object Value)[] args)
    {
        await using var c = connection.CreateCommand();
        c.Transaction = transaction;
        c.CommandText = sql;
        foreach (var (name, value) in args) c.Parameters.AddWithValue(name, value);
        return await c.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<object?> ScalarAsync(string sql, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var c = connection.CreateCommand();
        c.Transaction = transaction;
        c.CommandText = sql;
        return await c.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await upsert.DisposeAsync();
        await connection.DisposeAsync();
    }
}
