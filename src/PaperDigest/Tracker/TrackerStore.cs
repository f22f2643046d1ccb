using Dapper;
using PaperDigest.Papers;
using PaperDigest.Store;

namespace PaperDigest.Tracker;

/// <summary>
/// The tracker's history (paper_topics: which topic found which paper, kept across runs; the web reader and search read it)
/// and its translated abstracts.
/// </summary>
internal sealed class TrackerStore(SqliteStore store, TimeProvider time)
{
    /// <summary>Records that <paramref name="topic"/> found these papers (already in <c>papers</c>); returns how many are new to the topic.</summary>
    public Task<int> MergeAsync(string topic, IEnumerable<string> paperIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return AddTopicRowsAsync(topic, paperIds.Distinct(StringComparer.Ordinal).Select(id => (id, now)), cancellationToken);
    }

    /// <summary>Whether any topic has found any paper yet.</summary>
    public async Task<bool> HasHistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM paper_topics)", cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Restores a topic's history from its page (papers already in <c>papers</c>): each paper first seen on its publication date. Returns the rows added.</summary>
    public Task<int> SeedTopicAsync(string topic, IEnumerable<(string Id, DateOnly? Published)> rows, CancellationToken cancellationToken) =>
        AddTopicRowsAsync(topic, rows.Select(r => (r.Id, new DateTimeOffset((r.Published ?? new DateOnly(2000, 1, 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))), cancellationToken);

    /// <summary>One transaction of topic rows; a row the topic already has keeps its first_seen. Returns the rows added.</summary>
    private async Task<int> AddTopicRowsAsync(string topic, IEnumerable<(string Id, DateTimeOffset FirstSeen)> rows, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var added = 0;
        foreach (var (id, firstSeen) in rows)
        {
            added += await connection.ExecuteAsync(new CommandDefinition(
                "INSERT OR IGNORE INTO paper_topics (topic, paper_id, first_seen) VALUES (@topic, @id, @firstSeen)",
                new { topic, id, firstSeen = firstSeen.ToString("O") }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>The ids of a topic's papers, newest submission first (arXiv ids sort by submission), at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<string>> TopicPaperIdsAsync(string topic, int max, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT paper_id FROM paper_topics WHERE topic = @topic", new { topic }, cancellationToken: cancellationToken));
        return ids.OrderByDescending(PaperDigest.Tracker.TrackerTopic.SubmissionKey).ThenByDescending(i => i, StringComparer.Ordinal).Take(max).ToList();
    }

    public async Task<string?> TranslationAsync(ArxivId id, string lang, string model, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT text FROM translations WHERE paper_id = @Id AND version IN (@version, '') AND lang = @lang AND model = @model ORDER BY version DESC LIMIT 1",
            new { id.Id, version = Version(id), lang, model }, cancellationToken: cancellationToken));
    }

    /// <summary>Any stored translation of this paper version into <paramref name="lang"/>, newest first, whatever model wrote it.</summary>
    public async Task<string?> AnyTranslationAsync(ArxivId id, string lang, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT text FROM translations WHERE paper_id = @Id AND version IN (@version, '') AND lang = @lang ORDER BY version DESC, created_at DESC LIMIT 1",
            new { id.Id, version = Version(id), lang }, cancellationToken: cancellationToken));
    }

    /// <summary>Saves a translation of this paper version (a version-less id: a translation seeded from the page, used for any version until one is made).</summary>
    public async Task SaveTranslationAsync(ArxivId id, string lang, string model, string text, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT OR REPLACE INTO translations (paper_id, version, lang, model, text, created_at) VALUES (@Id, @version, @lang, @model, @text, @now)",
            new { id.Id, version = Version(id), lang, model, text, now = time.GetUtcNow().ToString("O") }, cancellationToken: cancellationToken));
    }

    private static string Version(ArxivId id) => id.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
