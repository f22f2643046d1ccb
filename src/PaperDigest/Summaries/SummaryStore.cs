using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using PaperDigest.Store;

namespace PaperDigest.Summaries;

/// <summary>Summaries keyed by (paper, version, style, language, prompt version, model): the cache that makes a rerun free.</summary>
internal sealed class SummaryStore(SqliteStore store)
{
    /// <summary>The database file.</summary>
    public string Path => store.Path;

    private const string Select =
        """
        SELECT paper_id AS PaperId, paper_version AS PaperVersion, style AS Style, lang AS Lang, prompt_version AS PromptVersion,
               model AS Model, status AS Status, fields AS Fields, source AS Source, unsupported AS Unsupported, error AS Error,
               input_tokens AS InputTokens, output_tokens AS OutputTokens, created_at AS CreatedAt, provisional AS Provisional
        FROM summaries
        """;

    private const string ByKey =
        """
         WHERE paper_id = @PaperId AND paper_version = @PaperVersion AND style = @Style AND lang = @Lang
           AND prompt_version = @PromptVersion AND model = @Model
        """;

    /// <summary>The stored ok summary for this key, or null (failed ones are retried on the next run, so they do not count).</summary>
    public Task<StoredSummary?> FindOkAsync(SummaryKey key, CancellationToken cancellationToken) =>
        FindAsync(key, ByKey + " AND status = 'ok'", cancellationToken);

    /// <summary>The stored summary for this key whatever its status (the digest shows failures too), or null.</summary>
    public Task<StoredSummary?> FindAsync(SummaryKey key, CancellationToken cancellationToken) =>
        FindAsync(key, ByKey, cancellationToken);

    private async Task<StoredSummary?> FindAsync(SummaryKey key, string where, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select + where, key, cancellationToken: cancellationToken));
        return row?.ToSummary();
    }

    /// <summary>Every stored summary of each of these papers, newest first, by paper id, in one query (paper, day and topic pages show them).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StoredSummary>>> ForPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken)
    {
        if (paperIds.Count == 0) return new Dictionary<string, IReadOnlyList<StoredSummary>>(StringComparer.Ordinal);
        await using var connection = await store.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE paper_id IN @ids ORDER BY paper_id, created_at DESC", new { ids = paperIds }, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.PaperId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, IReadOnlyList<StoredSummary> (g) => g.Select(r => r.ToSummary()).ToList(), StringComparer.Ordinal);
    }

    /// <summary>Stores a summary (ok or failed) at once, in its own transaction: a killed run keeps every one finished before it.</summary>
    public async Task SaveAsync(StoredSummary summary, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO summaries (paper_id, paper_version, style, lang, prompt_version, model, status, fields, source, unsupported, error, input_tokens, output_tokens, created_at, provisional)
            VALUES (@PaperId, @PaperVersion, @Style, @Lang, @PromptVersion, @Model, @Status, @Fields, @Source, @Unsupported, @Error, @InputTokens, @OutputTokens, @CreatedAt, @Provisional)
            ON CONFLICT (paper_id, paper_version, style, lang, prompt_version, model) DO UPDATE SET
                status = excluded.status, fields = excluded.fields, source = excluded.source, unsupported = excluded.unsupported,
                error = excluded.error, input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, created_at = excluded.created_at,
                provisional = excluded.provisional
            WHERE summaries.status <> 'ok' OR excluded.status = 'ok'
            """,
            new
            {
                summary.Key.PaperId, summary.Key.PaperVersion, summary.Key.Style, summary.Key.Lang, summary.Key.PromptVersion, summary.Key.Model,
                summary.Status,
                Fields = summary.Fields.ToJsonString(),
                summary.Source,
                Unsupported = JsonSerializer.Serialize(summary.Unsupported),
                summary.Error,
                summary.InputTokens,
                summary.OutputTokens,
                CreatedAt = summary.CreatedAt.ToString("O"),
                Provisional = summary.Provisional ? 1 : 0,
            }, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public string PaperId { get; init; } = "";
        public string PaperVersion { get; init; } = "";
        public string Style { get; init; } = "";
        public string Lang { get; init; } = "";
        public string PromptVersion { get; init; } = "";
        public string Model { get; init; } = "";
        public string Status { get; init; } = "";
        public string Fields { get; init; } = "{}";
        public string Source { get; init; } = "";
        public string Unsupported { get; init; } = "[]";
        public string? Error { get; init; }
        public long InputTokens { get; init; }
        public long OutputTokens { get; init; }
        public string CreatedAt { get; init; } = "";
        public long Provisional { get; init; }

        public StoredSummary ToSummary() => new(
            new SummaryKey(PaperId, PaperVersion, Style, Lang, PromptVersion, Model),
            Status,
            JsonNode.Parse(Fields) as JsonObject ?? [],
            Source,
            JsonSerializer.Deserialize<List<string>>(Unsupported) ?? [],
            Error,
            (int)InputTokens,
            (int)OutputTokens,
            DateTimeOffset.Parse(CreatedAt, System.Globalization.CultureInfo.InvariantCulture),
            Provisional != 0);
    }
}
