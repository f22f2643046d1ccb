using PaperDigest.Http;

namespace PaperDigest.Sources;

/// <summary>
/// Today's arXiv listing for some categories: GET {rss base}/rss/cs.CL+cs.LG. One request per call,
/// so no pacing of its own; a failure is an exception for the caller to report.
/// </summary>
internal sealed class ArxivRssClient(HttpClient http, Uri? rssBase = null)
{
    public const string DefaultRssBase = "https://rss.arxiv.org";

    private readonly Uri _base = new(((rssBase ?? http.BaseAddress)?.ToString() ?? DefaultRssBase).TrimEnd('/') + "/");

    public async Task<IReadOnlyList<ArxivRssEntry>> GetListingAsync(IEnumerable<string> categories, CancellationToken cancellationToken = default) =>
        (await GetFeedAsync(categories, cancellationToken).ConfigureAwait(false)).Entries;

    /// <summary>The listing with its announcement day (see <see cref="ArxivRssParser.ParseFeed"/>).</summary>
    public async Task<ArxivRssFeed> GetFeedAsync(IEnumerable<string> categories, CancellationToken cancellationToken = default)
    {
        var path = string.Join('+', categories.Select(c => Uri.EscapeDataString(c.Trim())).Where(c => c.Length > 0));
        if (path.Length == 0) throw new ArgumentException("Name at least one arXiv category, e.g. cs.CL.", nameof(categories));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, "rss/" + path));
        request.Headers.UserAgent.ParseAdd(Remotes.ArxivUserAgent);
        request.Headers.Accept.ParseAdd("application/rss+xml");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return ArxivRssParser.ParseFeed(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }
}
