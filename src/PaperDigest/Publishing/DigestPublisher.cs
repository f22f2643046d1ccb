using System.Globalization;
using PaperDigest.Summaries;
using PaperDigest.Files;
using PaperDigest.Papers;

namespace PaperDigest.Publishing;

/// <summary>
/// The publish stage of `daily`: builds the digest of a day from the store and writes
/// daily/&lt;date&gt;.&lt;style&gt;.md and daily/&lt;date&gt;.json atomically (other languages: &lt;date&gt;.&lt;style&gt;.&lt;lang&gt;.md, &lt;date&gt;.&lt;lang&gt;.json).
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

    /// <summary>
    /// Writes the files of a digest; returns their paths. A day's files never undo each other: the markdown of each of
    /// <paramref name="styles"/>, and the day's JSON with every style stored for the day's papers in this language (not
    /// only this run's). A language other than <paramref name="defaultLang"/> (digest.lang) writes
    /// &lt;date&gt;.&lt;style&gt;.&lt;lang&gt;.md and &lt;date&gt;.&lt;lang&gt;.json beside the default language's files.
    /// A named source (<paramref name="source"/>) writes under daily/&lt;source&gt;/.
    /// </summary>
    public async Task<IReadOnlyList<string>> WriteAsync(Digest digest, IReadOnlyList<SummaryStyle> styles, string outDir, string defaultLang, CancellationToken cancellationToken, string? source = null)
    {
        var dir = source is null ? Path.Combine(outDir, "daily") : Path.Combine(outDir, "daily", source); // a named source: daily/<source>/
        var day = digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var suffix = digest.Lang == defaultLang ? "" : "." + digest.Lang;
        var written = new List<string>();
        foreach (var style in styles)
        {
            var path = Path.Combine(dir, $"{day}.{style.Name}{suffix}.md");
            await AtomicFile.WriteAllTextAsync(path, DigestMarkdownRenderer.Render(digest, style), cancellationToken);
            written.Add(path);
        }
        var json = Path.Combine(dir, $"{day}{suffix}.json");
        await AtomicFile.WriteAllTextAsync(json, DigestJsonRenderer.Render(await WithStoredStylesAsync(digest, cancellationToken)), cancellationToken);
        written.Add(json);
        return written;
    }

    /// <summary>True when at least one paper of <paramref name="style"/> has an ok summary: then its file is published, failures marked.</summary>
    public static bool HasAny(Digest digest, SummaryStyle style) =>
        digest.Entries.Any(e => e.Summaries.TryGetValue(style.Name, out var s) && s.IsOk);

    /// <summary>The digest with every other style the store holds for its papers and language (in PRODUCT.md's order of styles).</summary>
    private async Task<Digest> WithStoredStylesAsync(Digest digest, CancellationToken cancellationToken)
    {
        var others = SummaryStyles.All.Where(s => !digest.Styles.Contains(s.Name)).ToList();
        if (others.Count == 0) return digest;
        var found = new HashSet<string>(digest.Styles, StringComparer.Ordinal);
        var entries = new List<DigestEntry>();
        foreach (var entry in digest.Entries)
        {
            var byStyle = new Dictionary<string, StoredSummary>(entry.Summaries, StringComparer.Ordinal);
            foreach (var style in others)
            {
                if (await summaryStore.FindAsync(summaries.KeyFor(entry.Paper, style, digest.Lang), cancellationToken) is not { } stored) continue;
                byStyle[style.Name] = stored;
                found.Add(style.Name);
            }
            entries.Add(entry with { Summaries = byStyle });
        }
        var styles = SummaryStyles.All.Select(s => s.Name).Where(found.Contains).ToList();
        return digest with { Styles = styles, Entries = entries };
    }
}
