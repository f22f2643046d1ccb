using System.Globalization;
using PaperDigest.Summaries;
using PaperDigest.Files;
using PaperDigest.Papers;

namespace PaperDigest.Publishing;

/// <summary>
/// The publish stage of `daily`: builds the digest of a day from the store and writes
/// daily/&lt;date&gt;.&lt;style&gt;.md and daily/&lt;date&gt;.json atomically.
/// </summary>
internal sealed class DigestPublisher(SummaryService summaries, SummaryStore summaryStore)
{
    /// <summary>The digest of <paramref name="listed"/> (the day's papers as fetched, already cut to --limit) from the stored summaries.</summary>
    public async Task<Digest> BuildAsync(DateOnly date, IReadOnlyList<Paper> listed, IReadOnlyList<SummaryStyle> styles, string lang, CancellationToken cancellationToken)
    {
        var entries = new List<DigestEntry>();
        foreach (var paper in listed)
        {
            var byStyle = new Dictionary<string, StoredSummary>(StringComparer.Ordinal);
            foreach (var style in styles)
            {
                var key = summaries.KeyFor(paper, style, lang);
                byStyle[style.Name] = await summaryStore.FindAsync(key, cancellationToken)
                    ?? new StoredSummary(key, "failed", [], "Abs", [], "not summarized", 0, 0, DateTimeOffset.UnixEpoch);
            }
            entries.Add(new DigestEntry(paper, byStyle));
        }
        return new Digest(date, lang, styles.Select(s => s.Name).ToList(), entries);
    }

    /// <summary>Writes the files of a digest; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(Digest digest, IReadOnlyList<SummaryStyle> styles, string outDir, CancellationToken cancellationToken, string? source = null)
    {
        var dir = source is null ? Path.Combine(outDir, "daily") : Path.Combine(outDir, "daily", source); // a named source: daily/<source>/
        var day = digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var written = new List<string>();
        foreach (var style in styles)
        {
            var path = Path.Combine(dir, $"{day}.{style.Name}.md");
            await AtomicFile.WriteAllTextAsync(path, DigestMarkdownRenderer.Render(digest, style), cancellationToken);
            written.Add(path);
        }
        var json = Path.Combine(dir, $"{day}.json");
        await AtomicFile.WriteAllTextAsync(json, DigestJsonRenderer.Render(digest), cancellationToken);
        written.Add(json);
        return written;
    }
}
