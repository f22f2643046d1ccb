using PaperDigest.Sources;
using PaperDigest.Store;

namespace PaperDigest.Tracker;

/// <summary>Runs a topic's arXiv query and merges what it finds into the store (papers and the topic's history).</summary>
internal sealed class TopicFetcher(ArxivApiClient arxiv, PaperStore papers, TrackerStore tracker)
{
    /// <summary>A failure of arXiv (rejected query, broken feed, no answer) is a result, not an exception: other topics go on.</summary>
    public async Task<TopicFetchResult> FetchAsync(TopicOptions topic, CancellationToken cancellationToken)
    {
        var query = TopicQueryBuilder.Build(topic);
        var entries = new List<ArxivEntry>();
        try
        {
            await foreach (var entry in arxiv.SearchAsync(query, topic.MaxPerTopic ?? TopicOptions.DefaultMaxPerTopic, cancellationToken))
                entries.Add(entry);
        }
        catch (Exception ex) when (Describe(ex) is { } reason)
        {
            return new TopicFetchResult(topic.Name, query, 0, 0, reason);
        }

        await papers.UpsertAsync(entries.Select(e => e.ToPaper()), cancellationToken);
        var added = await tracker.MergeAsync(topic.Name, entries.Select(e => e.Id.Id), cancellationToken);
        return new TopicFetchResult(topic.Name, query, entries.Count, added, null);
    }

    private static string? Describe(Exception ex) => ex switch
    {
        ArxivQueryException q => q.Message,
        ArxivFeedFormatException f => $"arXiv's answer is not a complete Atom feed (cut off or not XML): {f.Message}",
        HttpRequestException h => $"arXiv could not be queried: {h.Message}", // the arXiv remote's words: timeouts, refused connections, Retry-After
        _ => null,
    };
}
