using Microsoft.Data.Sqlite;
using SQLitePCL;
using PaperDigest.Store;

namespace PaperDigest.Import;

/// <summary>
/// One import's connection. Papers are merged by PaperStore's one upsert statement (known values are never erased),
/// prepared once a batch, a batch per transaction. Papers new to the store are not indexed row by row: the batch's
/// transaction drops the per-row insert trigger and recreates it before commit (no other connection ever sees it
/// missing), gives the new papers their search ids set-wise and records the import_pending mark. <see cref="IndexPendingAsync"/> then fills both
/// indexes in rowid order, each chunk of papers in one statement per index (so FTS5 writes it as one segment) with
/// automatic merging off (nothing is merged during the import, so no merged-away pages are left at the end), and clears
/// the mark. Papers already stored keep going through the update trigger, so their index entries stay what the triggers
/// make of them.
/// </summary>
internal sealed class ImportWriter : IAsyncDisposable
{
    /// <summary>Papers indexed per transaction: large enough for few FTS5 segments, short enough for other writers to wait.</summary>
    public const int IndexChunk = 100_000;

    /// <summary>
    /// FTS5's in-memory buffer of new index entries (its 'hashsize' option): 1 MiB by default, flushed as a new segment
    /// whenever it fills. At 32 MiB a chunk is written as one or a few large segments; 128 MiB made no smaller file and
    /// was slower (a larger hash table, more cache misses). Set, with 'automerge' off, inside the chunk's transaction and
    /// reset before it commits, so no other connection ever sees anything but the defaults.
    /// </summary>
    private const int ChunkHashSize = 32 << 20, DefaultHashSize = 1 << 20, DefaultAutomerge = 4;

    /// <summary>
    /// The text of a chunk's papers as the search_documents view makes it, read straight from papers (the view's
    /// correlated lookups of summaries and translations made reading 1.8x slower). A pending paper has neither: a writer
    /// that adds one fires the triggers, which index the paper, and the chunk then skips it (NOT EXISTS). CROSS JOIN fixes
    /// the loop order: the chunk's docs outermost, in doc order (no sort). Without statistics on the temp table the
    /// planner may otherwise choose to scan all of search_docs and look every paper up, for every chunk.
    /// </summary>
    private const string ChunkDocumentsView =
        """
        CREATE TEMP VIEW IF NOT EXISTS import_chunk_documents AS
            SELECT c.doc, p.title || '  ' AS title, p.authors, p.abstract, ' ' || coalesce(p.ai_summary, '') || '   ' AS summaries
            FROM temp.import_chunk c CROSS JOIN search_docs d ON d.doc = c.doc CROSS JOIN papers p ON p.id = d.paper_id;
        """;

    /// <summary>
    /// The writer's settings: 64 MiB of page cache (a chunk's index pages stay in memory) and no automatic checkpoint
    /// (the checkpointer copies). The connection is pooled, so <see cref="RestorePragmas"/> puts SQLite's defaults back.
    /// </summary>
    private const string Pragmas = "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 0;",
        RestorePragmas = "PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000;";

    private readonly SqliteConnection connection;
    private readonly TimeProvider time;
    private readonly ImportCheckpointer checkpointer;

    internal ImportWriter(SqliteConnection connection, TimeProvider time, ImportCheckpointer checkpointer)
    {
        this.connection = connection;
        this.time = time;
        this.checkpointer = checkpointer;
    }

    /// <summary>Applies the writer's settings (<see cref="Pragmas"/>) to its connection; <see cref="DisposeAsync"/> takes them back.</summary>
    internal async Task SetUpAsync(CancellationToken cancellationToken)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = Pragmas;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Papers this writer stored that search_words does not hold yet.</summary>
    public long Unindexed { get; private set; }

    /// <summary>
    /// Merges a batch in one transaction; its new papers get search ids and are marked for <see cref="IndexPendingAsync"/>.
    /// </summary>
    public async Task WriteAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        checkpointer.BoundWal(connection);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var trigger = await ScalarAsync("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_papers_insert'", transaction, cancellationToken) as string;
        var nextDoc = (long)(await ScalarAsync("SELECT coalesce(max(doc), 0) + 1 FROM search_docs", transaction, cancellationToken))!;
        var lastPaper = (long)(await ScalarAsync("SELECT coalesce(max(rowid), 0) FROM papers", transaction, cancellationToken))!;
        if (trigger is not null) await ExecuteAsync("DROP TRIGGER search_papers_insert", transaction, cancellationToken);
        Upsert(batch, time.GetUtcNow().ToString("O"));
        if (trigger is not null)
        {
            // The papers this batch added are the rows past the last rowid; in file order, as a clean import numbers them.
            var added = await ExecuteAsync("INSERT OR IGNORE INTO search_docs (paper_id) SELECT id FROM papers WHERE rowid > @last ORDER BY rowid",
                transaction, cancellationToken, ("@last", lastPaper));
            if (added > 0)
            {
                await ExecuteAsync("""
                    INSERT INTO import_pending (id, from_doc) VALUES (1, @next)
                        ON CONFLICT (id) DO UPDATE SET from_doc = min(from_doc, excluded.from_doc);
                    """, transaction, cancellationToken, ("@next", nextDoc));
                Unindexed += added;
            }
            await ExecuteAsync(trigger, transaction, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        checkpointer.Committed();
    }

    /// <summary>
    /// Indexes in search_words and search_trigram every paper the import_pending mark covers that they lack (a paper some
    /// other writer changed meanwhile went through the triggers and is skipped), <see cref="IndexChunk"/> papers a
    /// transaction, and clears the mark. Returns how many papers it indexed; <paramref name="onChunk"/> hears the running count.
    /// </summary>
    public async Task<long> IndexPendingAsync(Action<long>? onChunk, CancellationToken cancellationToken)
    {
        long indexed = 0;
        while (true)
        {
            checkpointer.BoundWal(connection);
            await using var transaction = connection.BeginTransaction(deferred: false);
            if (await ScalarAsync("SELECT from_doc FROM import_pending", transaction, cancellationToken) is not long from) break;
            var last = (long)(await ScalarAsync("SELECT coalesce(max(doc), 0) FROM search_docs", transaction, cancellationToken))!;
            var to = Math.Min(last, from + IndexChunk - 1);
            await ExecuteAsync($"""
                INSERT INTO search_words (search_words, rank) VALUES ('hashsize', {ChunkHashSize}), ('automerge', 0);
                INSERT INTO search_trigram (search_trigram, rank) VALUES ('automerge', 0);
                CREATE TEMP TABLE IF NOT EXISTS import_chunk (doc INTEGER PRIMARY KEY);
                {ChunkDocumentsView}
                DELETE FROM temp.import_chunk;
                INSERT INTO temp.import_chunk (doc)
                    SELECT doc FROM search_docs d WHERE doc BETWEEN @from AND @to AND NOT EXISTS (SELECT 1 FROM search_words w WHERE w.rowid = d.doc);
                INSERT INTO search_words (rowid, title, authors, abstract, summaries)
                    SELECT doc, title, authors, abstract, summaries FROM temp.import_chunk_documents ORDER BY doc;
                INSERT INTO search_trigram (rowid, title, summaries)
                    SELECT doc, title, summaries FROM temp.import_chunk_documents c
                    WHERE NOT EXISTS (SELECT 1 FROM search_trigram t WHERE t.rowid = c.doc) ORDER BY doc; -- an earlier PaperDigest indexed it with its batch
                INSERT INTO search_words (search_words, rank) VALUES ('hashsize', {DefaultHashSize}), ('automerge', {DefaultAutomerge});
                INSERT INTO search_trigram (search_trigram, rank) VALUES ('automerge', {DefaultAutomerge});
                """, transaction, cancellationToken, ("@from", from), ("@to", to));
            indexed += (long)(await ScalarAsync("SELECT count(*) FROM temp.import_chunk", transaction, cancellationToken))!;
            await ExecuteAsync(to >= last ? "DELETE FROM import_pending" : "UPDATE import_pending SET from_doc = @next", transaction, cancellationToken, ("@next", to + 1));
            await transaction.CommitAsync(cancellationToken);
            checkpointer.Committed();
            onChunk?.Invoke(indexed);
        }
        Unindexed = 0;
        return indexed;
    }

    /// <summary>
    /// The batch's rows by PaperStore's one merge statement (<see cref="PaperStore.UpsertSql"/>), through SQLite's own
    /// API: one prepared statement, each field bound as the UTF-8 bytes the reader wrote. The columns arXiv metadata does
    /// not have (code, stars, upvotes, AI summary and keywords) stay unbound, NULL: kept as stored. In the open transaction.
    /// </summary>
    private void Upsert(ImportBatch batch, string now)
    {
        var db = connection.Handle!;
        void Check(int rc, int ok = raw.SQLITE_OK)
        {
            if (rc != ok) SqliteException.ThrowExceptionForRC(rc, db);
        }
        Check(raw.sqlite3_prepare_v2(db, PaperStore.UpsertSql, out var statement));
        using (statement)
        {
            int Parameter(string name) => raw.sqlite3_bind_parameter_index(statement, name);
            var (id, version, title, abstractText, authors, categories, comment, published) = (Parameter("@Id"), Parameter("@Version"),
                Parameter("@Title"), Parameter("@Abstract"), Parameter("@Authors"), Parameter("@Categories"), Parameter("@Comment"), Parameter("@Published"));
            Check(raw.sqlite3_bind_text(statement, Parameter("@Now"), now)); // bindings outlive a reset
            void Text(int index, ImportBatch.Field field) =>
                Check(field.IsNull ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, batch[field]));
            foreach (var row in batch.Rows)
            {
                Text(id, row.Id);
                Check(row.Version is { } v ? raw.sqlite3_bind_int64(statement, version, v) : raw.sqlite3_bind_null(statement, version));
                Text(title, row.Title);
                Text(abstractText, row.Abstract);
                Text(authors, row.Authors);
                Text(categories, row.Categories);
                Text(comment, row.Comment);
                Text(published, row.Published);
                Check(raw.sqlite3_step(statement), raw.SQLITE_DONE);
                Check(raw.sqlite3_reset(statement));
            }
        }
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

    /// <summary>Stops the checkpointer and gives the pooled connection back as the pool gave it (<see cref="RestorePragmas"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        checkpointer.Dispose();
        try
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = RestorePragmas;
            await pragma.ExecuteNonQueryAsync();
        }
        catch (SqliteException) { } // a broken connection: the pool drops it anyway
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
