using System.Globalization;
using System.Text.Json;
using PaperDigest.Papers;
using PaperDigest.Store;

namespace PaperDigest.Tracker;

/// <summary>
/// Seeds a store that has no tracker history from the committed <c>docs/papers.json</c> (an evicted CI cache, a new
/// machine): its papers, which topic found each (first seen on its publication date) and its translated abstracts
/// (stored under the configured model, so the next run reuses them instead of paying for them again).
/// </summary>
internal sealed class TrackerSeeder(PaperStore papers, TrackerStore tracker)
{
    public sealed record Seeded(int Papers, int TopicRows, int Translations);

    /// <summary>Seeds from <paramref name="path"/> when the store has no tracker history and the file exists; null when nothing was done.</summary>
    /// <exception cref="TrackerSeedException">The file is not a tracker page's papers.json (names the file and the line).</exception>
    public async Task<Seeded?> SeedIfEmptyAsync(string path, string lang, string model, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) || await tracker.HasHistoryAsync(cancellationToken)) return null;
        var topics = await ReadAsync(path, cancellationToken);

        var distinct = topics.SelectMany(t => t.Rows).DistinctBy(r => r.Id.Id).ToList();
        await papers.UpsertAsync(distinct.Select(r => new Paper(r.Id, r.Title, r.Original ?? r.Abstract, [], r.Published, [], CodeUrl: r.CodeUrl, GithubStars: r.Stars)), cancellationToken);
        var topicRows = 0;
        foreach (var topic in topics)
            topicRows += await tracker.SeedTopicAsync(topic.Name, topic.Rows.Select(r => (r.Id.Id, r.Published)), cancellationToken);
        var translations = 0;
        foreach (var row in distinct.Where(r => r.Original is not null && r.Abstract.Length > 0))
        {
            await tracker.SaveTranslationAsync(row.Id, lang, model, row.Abstract, cancellationToken);
            translations++;
        }
        return new Seeded(distinct.Count, topicRows, translations);
    }

    private sealed record Row(ArxivId Id, string Title, DateOnly? Published, string? CodeUrl, int? Stars, string Abstract, string? Original);

    private sealed record Topic(string Name, IReadOnlyList<Row> Rows);

    private static async Task<IReadOnlyList<Topic>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        JsonDocument doc;
        try
        {
            await using var stream = File.OpenRead(path);
            doc = await JsonDocument.ParseAsync(stream, default, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new TrackerSeedException($"{path}: line {(e.LineNumber ?? 0) + 1}: not valid JSON ({e.Message.Split(" Path:")[0]})");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("topics", out var topicsElement) || topicsElement.ValueKind != JsonValueKind.Object)
                throw new TrackerSeedException($"{path}: not a tracker page's papers.json (expected an object with \"topics\": {{name: [rows]}})");
            var topics = new List<Topic>();
            foreach (var topic in topicsElement.EnumerateObject())
            {
                if (topic.Value.ValueKind != JsonValueKind.Array)
                    throw new TrackerSeedException($"{path}: topic \"{topic.Name}\": expected a list of papers");
                var rows = new List<Row>();
                foreach (var item in topic.Value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object || !ArxivId.TryParse(Text(item, "id"), out var id) || Text(item, "title") is not { Length: > 0 } title)
                        continue; // a row the page could not have written: skipped, as the page would show nothing for it
                    var published = DateOnly.TryParseExact(Text(item, "published"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
                    var stars = item.TryGetProperty("stars", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? n : (int?)null;
                    rows.Add(new Row(id, title, published, Text(item, "code_url"), stars, Text(item, "abstract") ?? "", Text(item, "abstract_original")));
                }
                topics.Add(new Topic(topic.Name, rows));
            }
            return topics;
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}

/// <summary>The committed papers.json cannot seed the store; the message names the file and what is wrong.</summary>
internal sealed class TrackerSeedException(string message) : Exception(message);
