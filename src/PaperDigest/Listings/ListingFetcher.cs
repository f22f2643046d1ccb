using PaperDigest.Papers;
using PaperDigest.Ranking;
using PaperDigest.Sources;
using PaperDigest.Store;

namespace PaperDigest.Listings;

/// <summary>What the fetch stage of `daily --source` chose: the listing's day, the papers kept (most relevant first) and why.</summary>
internal sealed record SourceDay(DateOnly Date, int Listed, int Repeated, IReadOnlyList<RankedPaper> Chosen, bool Ranked)
{
    public IReadOnlyList<Paper> Papers => Chosen.Select(c => c.Paper).ToList();

    public IReadOnlyDictionary<string, PaperRelevance> Relevance => Chosen.ToDictionary(c => c.Paper.Id.Id, c => c.Relevance, StringComparer.Ordinal);
}

/// <summary>
/// The fetch stage of `daily --source NAME`: one combined RSS request for the source's categories, the chosen
/// announcements, less the papers an earlier digest of this source already held, ranked against the profile, cut to `top`.
/// The papers go into the store, so the summarize and publish stages key them as every other command does.
/// </summary>
internal sealed class ListingFetcher(ArxivRssClient rss, PaperStore papers, ListingStore listings, ProfileLoader profile, TimeProvider time)
{
    public async Task<SourceDay> FetchAsync(SourceOptions source, CancellationToken cancellationToken)
    {
        ArxivRssFeed feed;
        try
        {
            feed = await rss.GetFeedAsync(source.ArxivCategories, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceException($"arXiv RSS ({string.Join('+', source.ArxivCategories)}) could not be fetched: {ex.Message}");
        }
        catch (ArxivFeedFormatException ex)
        {
            throw new SourceException(ex.Message);
        }
        var date = feed.Date ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var wanted = source.Announce.Select(ArxivRssParser.ParseAnnounceType).ToHashSet();
        var listed = feed.Entries.Where(e => wanted.Contains(e.AnnounceType)).DistinctBy(e => e.Id.Id)
            .Select(e => new Paper(e.Id, e.Title, e.Abstract, e.Authors, date, e.Categories))
            .ToList();
        if (listed.Count == 0) return new SourceDay(date, 0, 0, [], false);

        var seen = await listings.SeenBeforeAsync(source.Name, date, listed.Select(p => p.Id.Id), cancellationToken);
        var fresh = listed.Where(p => !seen.Contains(p.Id.Id)).ToList();
        await papers.UpsertAsync(fresh, cancellationToken);

        var ranker = await profile.LoadAsync(cancellationToken);
        var ranked = ranker.IsEmpty
            ? fresh.Select(p => new RankedPaper(p, new PaperRelevance(0, []))).ToList()
            : await ranker.RankAsync(fresh, cancellationToken);
        IReadOnlyList<RankedPaper> chosen = source.Top == 0
            ? fresh.Select(p => ranked.First(r => ReferenceEquals(r.Paper, p))).ToList()
            : ranked.Take(source.Top).ToList();

        var stored = new List<RankedPaper>(chosen.Count);
        foreach (var c in chosen)
            stored.Add(c with { Paper = await papers.FindAsync(c.Paper.Id.Id, cancellationToken) ?? c.Paper });
        return new SourceDay(date, listed.Count, seen.Count, stored, !ranker.IsEmpty);
    }

    /// <summary>Remembers what the day's digest of this source holds (after it is published), so later days do not repeat it.</summary>
    public Task RecordAsync(SourceOptions source, SourceDay day, CancellationToken cancellationToken) =>
        listings.SaveAsync(source.Name, day.Date, day.Chosen.Select(c => (c.Paper.Id.Id, c.Relevance)).ToList(), cancellationToken);
}
