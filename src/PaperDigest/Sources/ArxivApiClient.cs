using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaperDigest.Http;
using PaperDigest.Papers;

namespace PaperDigest.Sources;

/// <summary>
/// The arXiv query API over the "arxiv" remote, whose handler paces it (one request at a time, arxiv.min_interval_seconds
/// between starts) and retries 406/408/429/5xx, timeouts and resets honouring Retry-After. Two judgements stay here:
/// an HTTP 400 error feed is an <see cref="ArxivQueryException"/>, and a suspiciously empty page is worth another
/// attempt (asked of that same retry through <see cref="RemoteHandler.RetryWhen"/>).
/// The HttpClient's BaseAddress is the query URL (https://export.arxiv.org/api/query) or a bare host (its /api/query).
/// </summary>
internal sealed partial class ArxivApiClient
{
    private static readonly Func<HttpResponseMessage, CancellationToken, ValueTask<bool>> IsSuspiciouslyEmpty = async (response, ct) =>
    {
        try
        {
            return ArxivAtomParser.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)).IsSuspiciouslyEmpty;
        }
        catch (Exception ex) when (ex is ArxivFeedFormatException or ArxivQueryException)
        {
            return false; // not a glitch to retry: the client reports it
        }
    };

    private readonly HttpClient _http;
    private readonly int _pageSize;
    private readonly ILogger _logger;

    public ArxivApiClient(HttpClient http, ArxivOptions options, ILogger<ArxivApiClient>? logger = null)
    {
        var errors = options.Validate().ToList();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));
        _http = http;
        _pageSize = options.PageSize;
        _logger = logger ?? NullLogger<ArxivApiClient>.Instance;
    }

    /// <summary>
    /// Up to <paramref name="max"/> results of <paramref name="searchQuery"/>, newest submissions first, fetched page by
    /// page. Paging stops at arXiv's total, on an empty page, and on a page that brings no id not seen before (a
    /// misbehaving API that repeats itself would otherwise be paged through to the end).
    /// </summary>
    public async IAsyncEnumerable<ArxivEntry> SearchAsync(string searchQuery, int max, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(searchQuery);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var start = 0;
        while (seen.Count < max)
        {
            var size = Math.Min(_pageSize, max - seen.Count);
            var feed = await FetchAsync(ArxivQuery.SearchParameters(searchQuery, start, size), cancellationToken).ConfigureAwait(false);
            var added = 0;
            foreach (var entry in feed.Entries)
            {
                if (!seen.Add(entry.Id.Id)) continue;
                added++;
                yield return entry;
                if (seen.Count >= max) yield break;
            }

            var received = feed.Entries.Count + feed.SkippedEntries;
            start += received;
            if (received == 0 || start >= feed.TotalResults) yield break;
            if (added == 0)
            {
                LogNothingNew(_logger, searchQuery, start - received);
                yield break;
            }
        }
    }

    /// <summary>The entries for these ids (unknown ids are simply absent), in arXiv's order.</summary>
    public async Task<IReadOnlyList<ArxivEntry>> GetByIdsAsync(IEnumerable<ArxivId> ids, CancellationToken cancellationToken = default)
    {
        var results = new List<ArxivEntry>();
        foreach (var chunk in ids.DistinctBy(i => i.Versioned).Chunk(_pageSize))
        {
            var feed = await FetchAsync(ArxivQuery.IdListParameters(chunk, chunk.Length), cancellationToken).ConfigureAwait(false);
            results.AddRange(feed.Entries);
        }
        return results;
    }

    private async Task<ArxivFeed> FetchAsync(string parameters, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, RequestUri(parameters));
        request.Headers.UserAgent.ParseAdd(Remotes.ArxivUserAgent);
        request.Headers.Accept.ParseAdd("application/atom+xml");
        request.Options.Set(RemoteHandler.RetryWhen, IsSuspiciouslyEmpty);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.BadRequest) ThrowRejected(body);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"arXiv answered {(int)response.StatusCode} {response.StatusCode} for '{parameters}', after retries.", null, response.StatusCode);
        var feed = ArxivAtomParser.Parse(body);
        if (feed.IsSuspiciouslyEmpty) LogGaveUpEmpty(_logger, parameters, feed.TotalResults);
        return feed;
    }

    private Uri RequestUri(string parameters)
    {
        var baseAddress = _http.BaseAddress ?? new Uri(ArxivOptions.DefaultApiUrl);
        return baseAddress.AbsolutePath == "/"
            ? new Uri(baseAddress, $"api/query?{parameters}")
            : new Uri($"{baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/')}?{parameters}");
    }

    /// <summary>HTTP 400: arXiv's error feed names the problem; anything else is quoted.</summary>
    private static void ThrowRejected(string body)
    {
        try { ArxivAtomParser.Parse(body); } // an error feed throws ArxivQueryException with arXiv's own message
        catch (ArxivFeedFormatException) { }
        throw new ArxivQueryException($"arXiv rejected the query (HTTP 400): {Excerpt(body)}");
    }

    private static string Excerpt(string body)
    {
        var text = Whitespace.Collapse(body);
        return text.Length <= 300 ? text : text[..300] + "…";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "arXiv kept answering an empty page for '{Parameters}' although it reports {Total} results; stopping there")]
    private static partial void LogGaveUpEmpty(ILogger logger, string parameters, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "arXiv's page at {Start} for '{Query}' brought no paper not already seen; stopping there")]
    private static partial void LogNothingNew(ILogger logger, string query, int start);
}
