using System.Text.Json;
using Dapper;
using PaperDigest.Reading;
using PaperDigest.Store;

namespace PaperDigest.Reading;

/// <summary>A paper's full text as read once (HTML, PDF or the abstract), kept compressed so a rerun downloads nothing.</summary>
internal sealed record StoredFullText(string Source, string Text, IReadOnlyList<string> Attempts);

internal sealed class FullTextStore(SqliteStore store, TimeProvider time)
{
    public async Task<StoredFullText?> FindAsync(string paperId, string version, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Source, byte[] Text, string Attempts)?>(new CommandDefinition(
            "SELECT source, text, attempts FROM full_texts WHERE paper_id = @paperId AND version = @version",
            new { paperId, version }, cancellationToken: cancellationToken));
        if (row is not { } r) return null;
        return new StoredFullText(r.Source, FullTextCodec.Decompress(r.Text), JsonSerializer.Deserialize<List<string>>(r.Attempts) ?? []);
    }

    public async Task SaveAsync(string paperId, string version, StoredFullText fullText, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT OR REPLACE INTO full_texts (paper_id, version, source, text, attempts, fetched_at)
            VALUES (@paperId, @version, @Source, @Text, @Attempts, @now)
            """,
            new
            {
                paperId,
                version,
                fullText.Source,
                Text = FullTextCodec.Compress(fullText.Text),
                Attempts = JsonSerializer.Serialize(fullText.Attempts),
                now = time.GetUtcNow().ToString("O"),
            }, cancellationToken: cancellationToken));
    }
}
