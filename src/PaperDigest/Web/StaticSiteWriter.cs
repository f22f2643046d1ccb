using PaperDigest.Files;

namespace PaperDigest.Web;

/// <summary>
/// Writes the reader as a static site for GitHub Pages: the same pages as the server (relative links, dir/index.html),
/// the feeds, and a search page that says search needs the server. Papers known only from an import are not written
/// (nothing links to them without search).
/// </summary>
internal sealed class StaticSiteWriter(ReaderPageService pages, ReaderStore reader, SourceDigestPageService sources, Listings.ListingStore listings)
{
    public async Task<int> WriteAsync(string outDir, string baseUrl, CancellationToken cancellationToken)
    {
        var written = 0;
        async Task Write(string path, Func<WebLinks, Task<WebPage?>> render)
        {
            if (await render(WebLinks.StaticAt(path)) is not { Status: 200 } page) return;
            await AtomicFile.WriteAllTextAsync(Path.Combine(outDir, path), page.Body, cancellationToken);
            written++;
        }

        await Write("index.html", async l => await sources.HomeAsync(l, cancellationToken));
        await Write("daily/index.html", async l => await sources.ArchiveAsync(l, cancellationToken));
        foreach (var day in await reader.ArchiveAsync(cancellationToken))
            await Write($"daily/{day.Label}/index.html", async l => await pages.DayAsync(day.Label, l, cancellationToken));
        // A source's name is folder-safe and never shaped like a day (SourceOptions.IsName), so daily/<source>/ never meets daily/<date>/.
        foreach (var source in await sources.SourcesAsync(cancellationToken))
        {
            await Write($"daily/{source.Name}/index.html", async l => await sources.SourceArchiveAsync(source.Name, l, cancellationToken));
            foreach (var (date, _) in await listings.DaysAsync(source.Name, cancellationToken))
            {
                var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                await Write($"daily/{source.Name}/{day}/index.html", async l => await sources.SourceDayAsync(source.Name, day, l, cancellationToken));
            }
            await Write($"feeds/daily/{source.Name}.atom", async _ => await sources.SourceFeedAsync(source.Name, baseUrl, isStatic: true, cancellationToken));
        }
        var linked = (await reader.LinkedPaperIdsAsync(cancellationToken)).Union(await listings.PaperIdsAsync(cancellationToken), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var id in linked)
            await Write($"papers/{id}/index.html", async l => await pages.PaperAsync(id, l, cancellationToken));
        await Write("topics/index.html", async l => await pages.TopicsAsync(l, cancellationToken));
        foreach (var topic in await reader.TopicsAsync(cancellationToken))
        {
            var slug = WebLinks.Slug(topic.Label);
            await Write($"topics/{slug}/index.html", async l => await pages.TopicAsync(topic.Label, l, cancellationToken));
            await Write($"feeds/topics/{slug}.atom", async _ => await pages.TopicFeedAsync(topic.Label, baseUrl, isStatic: true, cancellationToken));
        }
        await Write("trends/index.html", async l => await pages.TrendsAsync(l, cancellationToken));
        await Write("search/index.html", l => Task.FromResult<WebPage?>(new WebPage(200, SearchPageRenderer.StaticNote(l))));
        await Write("feeds/daily.atom", async _ => await pages.DailyFeedAsync(baseUrl, isStatic: true, cancellationToken));
        await Write("404.html", l => Task.FromResult<WebPage?>(new WebPage(200, HtmlLayout.Error(404, "Not found", "There is no page here.", WebLinks.StaticAt("404.html")))));
        await Write(".nojekyll", _ => Task.FromResult<WebPage?>(new WebPage(200, "")));
        return written;
    }
}
