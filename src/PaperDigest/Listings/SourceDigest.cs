using System.Globalization;
using PaperDigest.Papers;
using PaperDigest.Publishing;
using PaperDigest.Ranking;
using PaperDigest.Sources;

namespace PaperDigest.Listings;

/// <summary>What `daily` does differently for a named source or a relevance order: finding the source, its words, the reordering.</summary>
internal static class SourceDigest
{
    public static string Origin(SourceOptions source, SourceDay day) => string.Create(CultureInfo.InvariantCulture,
        $"arXiv {string.Join('+', source.ArxivCategories)} ({string.Join(", ", source.Announce)}): {day.Listed} listed, {day.Repeated} in earlier digests, " +
        $"{(day.Ranked ? $"the {day.Chosen.Count} most relevant kept" : $"{day.Chosen.Count} kept in listing order (no profile configured)")}");

    /// <summary>The digest's header and source_url for a named source: its categories and the listing it was read from.</summary>
    public static DigestOrigin DigestOrigin(SourceOptions source, string rssBase) =>
        new($"arXiv {string.Join('+', source.ArxivCategories)} ({source.Name})",
            rssBase.TrimEnd('/') + "/rss/" + string.Join('+', source.ArxivCategories.Select(c => Uri.EscapeDataString(c.Trim()))));

    public static string NothingNew(SourceOptions source, SourceDay day) => day.Listed == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{day.Date:yyyy-MM-dd}: arXiv announces no {string.Join("/", source.Announce)} papers in {string.Join('+', source.ArxivCategories)} (weekends and holidays are empty); no digest written for '{source.Name}'.")
        : string.Create(CultureInfo.InvariantCulture, $"{day.Date:yyyy-MM-dd}: all {day.Listed} papers of '{source.Name}' were in earlier digests; no digest written.");

    /// <summary>digest.order: relevance for the Hugging Face day: its papers ranked against the profile (upvotes order without a profile).</summary>
    public static async Task<(FetchedDay Day, IReadOnlyDictionary<string, PaperRelevance>? Relevance)> ByRelevanceAsync(FetchedDay day, ProfileLoader profile, CancellationToken cancellationToken)
    {
        var ranker = await profile.LoadAsync(cancellationToken);
        if (ranker.IsEmpty) return (day, null);
        var ranked = await ranker.RankAsync(day.Papers, cancellationToken);
        return (day with { Papers = ranked.Select(r => r.Paper).ToList() }, ranked.ToDictionary(r => r.Paper.Id.Id, r => r.Relevance, StringComparer.Ordinal));
    }
}
