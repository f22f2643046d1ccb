using System.Globalization;
using Dapper;
using PaperDigest.Web;
using PaperDigest.Store;
using PaperDigest.Summaries;

namespace PaperDigest.Web;

/// <summary>The read side of the web reader and the static site: days, papers with all their summaries, topics, trends.</summary>
internal sealed class ReaderStore(SqliteStore store, PaperStore papers, SummaryStore summaries)
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string s) => DateOnly.ParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Every listed day with its paper count, newest first.</summary>
    public async Task<IReadOnlyList<CountedLabel>> ArchiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Date, long Count)>(new CommandDefinition(
            "SELECT date, count(*) FROM daily_listings GROUP BY date ORDER BY date DESC", cancellationToken: cancellationToken));
        return rows.Select(r => new CountedLabel(r.Date, (int)r.Count)).ToList();
    }

    /// <summary>The papers listed on a day, in listing order, with their summaries; empty when nothing was listed. Two queries.</summary>
    public async Task<IReadOnlyList<ReaderPaper>> DayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var listed = await papers.ListingAsync(date, cancellationToken);
        var found = await summaries.ForPapersAsync(listed.Select(p => p.Id.Id).ToList(), cancellationToken);
        return listed.Select(p => new ReaderPaper(p, Newest(found.GetValueOrDefault(p.Id.Id) ?? []), [date], [])).ToList();
    }

    /// <summary>A paper with its summaries, the days that listed it and its topics; null when unknown.</summary>
    public async Task<ReaderPaper?> PaperAsync(string id, CancellationToken cancellationToken) =>
        (await PapersAsync([id], cancellationToken)).FirstOrDefault();

    /// <summary>
    /// These papers in the order given (unknown ids left out), each with its summaries, the days that listed it (newest
    /// first) and its topics: three queries, however many papers.
    /// </summary>
    public async Task<IReadOnlyList<ReaderPaper>> PapersAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = await papers.FindManyAsync(ids, cancellationToken);
        if (found.Count == 0) return [];
        var known = found.Select(p => p.Id.Id).ToList();
        List<(string Kind, string PaperId, string Value)> rows;
        await using (var connection = await store.ConnectAsync(cancellationToken))
            rows = (await connection.QueryAsync<(string Kind, string PaperId, string Value)>(new CommandDefinition(
                """
                SELECT 'day', paper_id, date FROM daily_listings WHERE paper_id IN @ids
                UNION ALL
                SELECT 'topic', paper_id, topic FROM paper_topics WHERE paper_id IN @ids
                ORDER BY 1, 2, 3
                """, new { ids = known }, cancellationToken: cancellationToken))).ToList();
        var days = rows.Where(r => r.Kind == "day").ToLookup(r => r.PaperId, r => ParseDay(r.Value), StringComparer.Ordinal);
        var topics = rows.Where(r => r.Kind == "topic").ToLookup(r => r.PaperId, r => r.Value, StringComparer.Ordinal);
        var summarized = await summaries.ForPapersAsync(known, cancellationToken);
        return found.Select(p => new ReaderPaper(p, Newest(summarized.GetValueOrDefault(p.Id.Id) ?? []),
            days[p.Id.Id].Reverse().ToList(), topics[p.Id.Id].ToList())).ToList();
    }

    /// <summary>Every topic with its paper count, by name.</summary>
    public async Task<IReadOnlyList<CountedLabel>> TopicsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Topic, long Count)>(new CommandDefinition(
            "SELECT topic, count(*) FROM paper_topics GROUP BY topic ORDER BY topic", cancellationToken: cancellationToken));
        return rows.Select(r => new CountedLabel(r.Topic, (int)r.Count)).ToList();
    }

    /// <summary>A topic's papers, newest first; empty when the topic is unknown. Three queries, whatever the limit.</summary>
    public async Task<IReadOnlyList<ReaderPaper>> TopicAsync(string topic, int limit, CancellationToken cancellationToken)
    {
        List<string> ids;
        await using (var connection = await store.ConnectAsync(cancellationToken))
            ids = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT t.paper_id FROM paper_topics t JOIN papers p ON p.id = t.paper_id WHERE t.topic = @topic ORDER BY p.published DESC, t.paper_id DESC LIMIT @limit",
                new { topic, limit }, cancellationToken: cancellationToken))).ToList();
        var found = await summaries.ForPapersAsync(ids, cancellationToken);
        return (await papers.FindManyAsync(ids, cancellationToken))
            .Select(p => new ReaderPaper(p, Newest(found.GetValueOrDefault(p.Id.Id) ?? []), [], [topic])).ToList();
    }

    /// <summary>Ids of every paper a static site links to: listed, in a topic, or summarized.</summary>
    public async Task<IReadOnlyList<string>> LinkedPaperIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT paper_id FROM daily_listings UNION SELECT paper_id FROM paper_topics UNION SELECT paper_id FROM summaries ORDER BY 1",
            cancellationToken: cancellationToken));
        return ids.ToList();
    }

    /// <summary>
    /// Papers over time, per topic, and the most frequent keywords, over the whole history of digests (the oldest listing
    /// to the newest; without listings, the papers' publish dates). Up to <paramref name="dailyBars"/> days are one bar
    /// a day; a longer history is one bar a week (Mondays), and beyond two years one a month, so no digest drops out.
    /// </summary>
    public async Task<TrendsData> TrendsAsync(int dailyBars, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var span = await connection.QuerySingleAsync<(string? Oldest, string? Newest)>(new CommandDefinition(
            """
            SELECT coalesce((SELECT min(date) FROM daily_listings), (SELECT min(published) FROM papers)),
                   coalesce((SELECT max(date) FROM daily_listings), (SELECT max(published) FROM papers))
            """, cancellationToken: cancellationToken));
        if (span.Newest is null || span.Oldest is null) return new TrendsData(null, null, [], [], []);
        var until = ParseDay(span.Newest);
        var since = ParseDay(span.Oldest);
        var args = new { since = Day(since), until = Day(until) };
        var perDay = await connection.QueryAsync<(string Day, long Count)>(new CommandDefinition(
            """
            SELECT date, count(*) FROM daily_listings WHERE date BETWEEN @since AND @until GROUP BY date
            UNION ALL
            SELECT published, count(*) FROM papers WHERE published BETWEEN @since AND @until
              AND NOT EXISTS (SELECT 1 FROM daily_listings) GROUP BY published
            ORDER BY 1
            """, args, cancellationToken: cancellationToken));
        var perTopic = await connection.QueryAsync<(string Topic, long Count)>(new CommandDefinition(
            "SELECT topic, count(*) FROM paper_topics GROUP BY topic ORDER BY 2 DESC, 1 LIMIT 15", cancellationToken: cancellationToken));
        var keywords = await connection.QueryAsync<(string Keyword, long Count)>(new CommandDefinition(
            """
            WITH recent AS (SELECT DISTINCT paper_id FROM daily_listings WHERE date BETWEEN @since AND @until),
            words AS (
                SELECT j.value AS k FROM summaries s, json_each(s.fields, '$.keywords') j
                WHERE s.status = 'ok' AND j.type = 'text'
                  AND (s.paper_id IN recent OR NOT EXISTS (SELECT 1 FROM recent))
                UNION ALL
                SELECT j.value FROM papers p, json_each(p.ai_keywords) j
                WHERE p.ai_keywords IS NOT NULL AND j.type = 'text' AND p.id IN recent)
            SELECT lower(trim(k)), count(*) FROM words WHERE trim(k) <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20
            """, args, cancellationToken: cancellationToken));
        var counts = perDay.ToDictionary(r => r.Day, r => (int)r.Count, StringComparer.Ordinal);
        return new TrendsData(since, until,
            counts.Count == 0 ? [] : Bars(counts, since, until, dailyBars),
            perTopic.Select(r => new CountedLabel(r.Topic, (int)r.Count)).ToList(),
            keywords.Select(r => new CountedLabel(r.Keyword, (int)r.Count)).ToList());
    }

    /// <summary>Every bucket from the first day to the last, zeros included, so the bars stand on a time axis.</summary>
    private static List<CountedLabel> Bars(Dictionary<string, int> counts, DateOnly since, DateOnly until, int dailyBars)
    {
        var days = until.DayNumber - since.DayNumber + 1;
        Func<DateOnly, DateOnly> bucket = days <= dailyBars ? d => d
            : days <= 2 * 366 ? d => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)) // the Monday of its week
            : d => new DateOnly(d.Year, d.Month, 1);
        var sums = new SortedDictionary<DateOnly, int>();
        for (var d = since; d <= until; d = d.AddDays(1))
        {
            var key = bucket(d);
            sums[key] = sums.GetValueOrDefault(key) + counts.GetValueOrDefault(Day(d));
        }
        return sums.Select(kv => new CountedLabel(Day(kv.Key), kv.Value)).ToList();
    }

    /// <summary>The newest summary per (style, language), ok ones before failed ones.</summary>
    private static List<StoredSummary> Newest(IReadOnlyList<StoredSummary> all) =>
        all.GroupBy(s => (s.Key.Style, s.Key.Lang))
            .Select(g => g.Where(s => s.IsOk).OrderByDescending(s => s.CreatedAt).FirstOrDefault() ?? g.OrderByDescending(s => s.CreatedAt).First())
            .OrderBy(s => s.Key.Style switch { "brief" => 0, "keywords" => 1, "report" => 2, _ => 3 }).ThenBy(s => s.Key.Lang, StringComparer.Ordinal)
            .ToList();
}
