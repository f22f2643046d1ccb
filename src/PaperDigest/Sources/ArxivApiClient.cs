using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaperDigest.Papers;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PaperDigest.Sources;

/// <summary>
/// The arXiv query API (ARXIV_API_URL), used politely: one request at a time, at least
/// <see cref="ArxivClientOptions.MinInterval"/> between request starts, and retries with backoff
/// (honouring Retry-After) for 406/429/5xx, timeouts and suspiciously empty pages.
/// The HttpClient's BaseAddress, when set, is the full query URL (e.g. https://export.arxiv.org/api/query).
/// </summary>
internal sealed partial class ArxivApiClient
{
    private readonly HttpClient _http;
    private readonly ArxivClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ResiliencePipeline<Attempt> _pipeline;
    private long? _lastStart;

    public ArxivApiClient(HttpClient http, ArxivClientOptions options, TimeProvider time, ILogger<ArxivApiClient>? logger = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors), nameof(options));
        _http = http;
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger<ArxivApiClient>.Instance;
        _pipeline = BuildPipeline();
    }

    /// <summary>Up to <paramref name="max"/> results of <paramref name="searchQuery"/>, newest submissions first, fetched page by page.</summary>
    public async IAsyncEnumerable<ArxivEntry> SearchAsync(string searchQuery, int max, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(searchQuery);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var start = 0;
        while (seen.Count < max)
        {
            var size = Math.Min(_options.PageSize, max - seen.Count);
            var feed = await FetchAsync(ArxivQuery.SearchParameters(searchQuery, start, size), cancellationToken).ConfigureAwait(false);
            foreach (var entry in feed.Entries)
            {
                if (!seen.Add(entry.Id.Id)) continue;
                yield return entry;
                if (seen.Count >= max) yield break;
            }

            var received = feed.Entries.Count + feed.SkippedEntries;
            start += received;
            if (received == 0 || start >= feed.TotalResults) yield break;
        }
    }

    /// <summary>The entries for these ids (unknown ids are simply absent), in arXiv's order.</summary>
    public async Task<IReadOnlyList<ArxivEntry>> GetByIdsAsync(IEnumerable<ArxivId> ids, CancellationToken cancellationToken = default)
    {
        var results = new List<ArxivEntry>();
        foreach (var chunk in ids.DistinctBy(i => i.Versioned).Chunk(_options.PageSize))
        {
            var feed = await FetchAsync(ArxivQuery.IdListParameters(chunk, chunk.Length), cancellationToken).ConfigureAwait(false);
            results.AddRange(feed.Entries);
        }
        return results;
    }

    private async Task<ArxivFeed> FetchAsync(string parameters, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var outcome = await _pipeline.ExecuteAsync(
                static (state, ct) => state.Self.AttemptAsync(state.Parameters, ct),
                (Self: this, Parameters: parameters),
                cancellationToken).ConfigureAwait(false);
            if (outcome.Feed is { } feed)
            {
                if (feed.IsSuspiciouslyEmpty) LogGaveUpEmpty(_logger, parameters, feed.TotalResults);
                return feed;
            }
            throw new HttpRequestException(
                $"arXiv answered {(int)outcome.Status} {outcome.Status} for '{parameters}' after {_options.MaxRetries + 1} attempt(s).",
                null, outcome.Status);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask<Attempt> AttemptAsync(string parameters, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, RequestUri(parameters));
        request.Headers.UserAgent.ParseAdd(ArxivClientOptions.UserAgent);
        request.Headers.Accept.ParseAdd("application/atom+xml");
        await WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.BadRequest) ThrowRejected(body);
        if (!response.IsSuccessStatusCode) return new Attempt(response.StatusCode, RetryAfter(response), null);
        return new Attempt(response.StatusCode, null, ArxivAtomParser.Parse(body));
    }

    /// <summary>
    /// Waits until <see cref="ArxivClientOptions.MinInterval"/> (plus 5% against network jitter, so that
    /// arXiv itself never sees two requests closer) has passed since the previous request started. Called under the gate.
    /// </summary>
    private async Task WaitForTurnAsync(CancellationToken cancellationToken)
    {
        if (_lastStart is { } last)
        {
            var spacing = _options.MinInterval + (_options.MinInterval / 20);
            for (var wait = spacing - _time.GetElapsedTime(last); wait > TimeSpan.Zero; wait = spacing - _time.GetElapsedTime(last))
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        _lastStart = _time.GetTimestamp();
    }

    private Uri RequestUri(string parameters)
    {
        if (_http.BaseAddress is not { } baseAddress) return new Uri($"{_options.ApiUrl.GetLeftPart(UriPartial.Path)}?{parameters}");
        return baseAddress.AbsolutePath == "/"
            ? new Uri(baseAddress, $"api/query?{parameters}")
            : new Uri(baseAddress, $"?{parameters}");
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow() is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
        _ => null,
    };

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

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.NotAcceptable or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private ResiliencePipeline<Attempt> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<Attempt> { TimeProvider = _time };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = _options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromMinutes(5),
                UseJitter = false,
                ShouldHandle = new PredicateBuilder<Attempt>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(a => a.Feed is null ? IsTransient(a.Status) : a.Feed.IsSuspiciouslyEmpty),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception?.Message
                        ?? (args.Outcome.Result is { Feed: not null } ? "empty page although more results remain" : $"HTTP {(int)args.Outcome.Result!.Status}");
                    LogRetry(_logger, args.AttemptNumber + 1, args.RetryDelay, reason);
                    return default;
                },
            });
        }
        return builder.AddTimeout(_options.AttemptTimeout).Build();
    }

    /// <summary>What one HTTP attempt produced: a parsed feed, or a status (and Retry-After) to judge.</summary>
    private sealed record Attempt(HttpStatusCode Status, TimeSpan? RetryAfter, ArxivFeed? Feed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "arXiv attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "arXiv kept answering an empty page for '{Parameters}' although it reports {Total} results; stopping there")]
    private static partial void LogGaveUpEmpty(ILogger logger, string parameters, int total);
}
