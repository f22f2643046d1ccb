using PaperDigest.Papers;
using PaperDigest.Store;
using PaperDigest.Files;

namespace PaperDigest.Tracker;

/// <summary>Builds the tracker page from the stored history and writes README.md, docs/index.md, docs/papers.json and docs/README.md (usage).</summary>
internal sealed class TrackerPublisher(PaperStore papers, TrackerStore tracker)
{
    /// <summary>Each topic's papers as stored, newest first, capped; a paper found by several topics is under each.</summary>
    public async Task<IReadOnlyList<TopicPapers>> LoadAsync(IReadOnlyList<TopicOptions> topics, CancellationToken cancellationToken)
    {
        var result = new List<TopicPapers>();
        foreach (var topic in topics)
        {
            var ids = await tracker.TopicPaperIdsAsync(topic.Name, topic.MaxPerTopic ?? TopicOptions.DefaultMaxPerTopic, cancellationToken);
            var list = new List<Paper>();
            foreach (var id in ids)
                if (await papers.FindAsync(id, cancellationToken) is { } paper) list.Add(paper);
            result.Add(new TopicPapers(topic, list));
        }
        return result;
    }

    /// <summary>The page: papers reread from the store (for code links found this run), abstracts as given (else the original).</summary>
    public async Task<TrackerPage> BuildAsync(IReadOnlyList<TopicOptions> topics, IReadOnlyDictionary<string, TranslatedAbstract> abstracts, DateOnly updatedOn, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(topics, cancellationToken);
        var tables = loaded.Select(t => new TrackerTopic(
            t.Topic.Name,
            t.Papers.Select(p => Row(p, abstracts.GetValueOrDefault(p.Id.Id))).ToList(),
            t.Topic.MaxPerTopic ?? TopicOptions.DefaultMaxPerTopic)).ToList();
        return new TrackerPage(updatedOn, tables);
    }

    /// <summary>Writes the four files atomically; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(TrackerPage page, string outDir, CancellationToken cancellationToken)
    {
        var markdown = TrackerPageRenderer.Render(page);
        var files = new[]
        {
            (Path.Combine(outDir, "README.md"), markdown),
            (Path.Combine(outDir, "docs", "index.md"), markdown),
            (Path.Combine(outDir, "docs", "papers.json"), TrackerJsonRenderer.Render(page)),
            (Path.Combine(outDir, "docs", "README.md"), TrackerUsageRenderer.Render(page)),
        };
        foreach (var (path, text) in files) await AtomicFile.WriteAllTextAsync(path, text, cancellationToken);
        return files.Select(f => f.Item1).ToList();
    }

    private static TrackerRow Row(Paper paper, TranslatedAbstract? shown) => new(
        paper.Id,
        paper.Title,
        paper.Published ?? DateOnly.MinValue,
        paper.CodeUrl,
        shown?.Text ?? paper.Abstract,
        shown is { IsTranslation: true } ? paper.Abstract : null,
        paper.CodeUrl is null ? null : paper.GithubStars);
}
