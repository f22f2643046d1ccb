using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using PaperDigest.Http;
using PaperDigest.Papers;
using PaperDigest.Sources;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Sources;

/// <summary>The arXiv client over the production "arxiv" remote; pacing is measured on a fake clock, not waited for.</summary>
public sealed class ArxivApiClientTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task SearchAsync_ThreePages_KeepsThreeSecondsBetweenStartsAndOneRequestInFlight()
    {
        // Given a fake arXiv with 100 results that takes a little while to answer, and a fake clock
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 24, 6, 0, 0, TimeSpan.Zero));
        var inFlight = 0;
        var maxInFlight = 0;
        await using var server = await FakeHttpServer.StartAsync(OnQuery(async ctx =>
        {
            InterlockedMax(ref maxInFlight, Interlocked.Increment(ref inFlight));
            await Task.Delay(40, ctx.RequestAborted);
            Interlocked.Decrement(ref inFlight);
            await FakeArxivFeed.ServeAsync(ctx, total: 100);
        }));
        using var remote = Remote(server, time);
        var client = NewClient(remote, new ArxivOptions { PageSize = 2 });

        // When 6 results are asked for, 2 a page, while the clock runs
        var entries = await FakeClock.RunAsync(time, ToListAsync(client.SearchAsync("cat:cs.CL", 6, Ct)));

        // Then three pages were fetched, their starts at least 3 s apart on the clock, one at a time
        var requests = QueryRequests(server);
        Assert.Equal(6, entries.Count);
        Assert.Equal(3, requests.Count);
        Assert.Equal(1, maxInFlight);
        AssertGaps(remote.Starts, Interval);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => FakeArxivFeed.IdAt(i)), entries.Select(e => e.Id.Id));
        Assert.Contains("start=4&max_results=2&sortBy=submittedDate&sortOrder=descending", requests[2].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(Remotes.ArxivUserAgent, requests[0].Headers["User-Agent"]);
        Assert.Equal("application/atom+xml", requests[0].Headers["Accept"]);
    }

    [Fact]
    public async Task SearchAsync_TwoCallersAtOnce_StillOneRequestAtATimeThreeSecondsApart()
    {
        // Given a slow fake arXiv and a fake clock
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 24, 6, 0, 0, TimeSpan.Zero));
        var inFlight = 0;
        var maxInFlight = 0;
        await using var server = await FakeHttpServer.StartAsync(OnQuery(async ctx =>
        {
            InterlockedMax(ref maxInFlight, Interlocked.Increment(ref inFlight));
            await Task.Delay(40, ctx.RequestAborted);
            Interlocked.Decrement(ref inFlight);
            await FakeArxivFeed.ServeAsync(ctx, total: 10);
        }));
        using var remote = Remote(server, time);
        var client = NewClient(remote, new ArxivOptions { PageSize = 1 });

        // When two searches page at the same time
        await FakeClock.RunAsync(time, Task.WhenAll(
            ToListAsync(client.SearchAsync("cat:cs.CL", 2, Ct)),
            ToListAsync(client.SearchAsync("cat:cs.LG", 2, Ct))));

        // Then the four requests never overlapped and kept the interval
        Assert.Equal(1, maxInFlight);
        Assert.Equal(4, QueryRequests(server).Count);
        AssertGaps(remote.Starts, Interval);
    }

    [Fact]
    public async Task SearchAsync_PageBringsNoNewId_StopsPaging()
    {
        // Given a misbehaving arXiv that answers the same first page whatever start is asked for
        await using var server = await FakeHttpServer.StartAsync(OnQuery(ctx => FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.OK, FakeArxivFeed.Page(0, 2, 1000))));
        using var remote = Remote(server);

        // When 50 are asked for, 2 a page
        var entries = await ToListAsync(NewClient(remote, new ArxivOptions { PageSize = 2 }).SearchAsync("all:x", 50, Ct));

        // Then the second page, which added nothing, was the last request
        Assert.Equal(2, entries.Count);
        Assert.Equal(2, QueryRequests(server).Count);
    }

    [Fact]
    public async Task SearchAsync_503WithRetryAfter_WaitsThatLongOnTheClockAndRetries()
    {
        // Given a fake arXiv that first answers 503 with Retry-After: 20, and a fake clock
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 24, 6, 0, 0, TimeSpan.Zero));
        var calls = 0;
        await using var server = await FakeHttpServer.StartAsync(OnQuery(ctx =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.Headers.RetryAfter = "20";
                return FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.ServiceUnavailable, "busy", "text/plain");
            }
            return FakeArxivFeed.ServeAsync(ctx, total: 3);
        }));
        using var remote = Remote(server, time);

        // When the search runs
        var entries = await FakeClock.RunAsync(time, ToListAsync(NewClient(remote, new ArxivOptions()).SearchAsync("all:test", 3, Ct)));

        // Then the second attempt came after Retry-After, not after the backoff, and succeeded
        Assert.Equal(3, entries.Count);
        Assert.Equal(2, remote.Starts.Count);
        Assert.InRange(remote.Starts[1] - remote.Starts[0], TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(21));
    }

    [Theory]
    [InlineData(406)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    public async Task SearchAsync_TransientStatus_IsRetried(int status)
    {
        // Given a fake arXiv that fails once with a transient status
        var calls = 0;
        await using var server = await FakeHttpServer.StartAsync(OnQuery(ctx => Interlocked.Increment(ref calls) == 1
            ? FakeArxivFeed.WriteAsync(ctx, (HttpStatusCode)status, "oops", "text/plain")
            : FakeArxivFeed.ServeAsync(ctx, total: 2)));
        using var remote = Remote(server);

        // When the search runs
        var entries = await ToListAsync(NewClient(remote, new ArxivOptions()).SearchAsync("all:test", 2, Ct));

        // Then it succeeded on the second attempt
        Assert.Equal(2, entries.Count);
        Assert.Equal(2, QueryRequests(server).Count);
    }

    [Fact]
    public async Task SearchAsync_SuspiciouslyEmptyPage_IsRetried()
    {
        // Given a fake arXiv whose first answer has no entries although it reports 50 results
        var calls = 0;
        await using var server = await FakeHttpServer.StartAsync(OnQuery(ctx => Interlocked.Increment(ref calls) == 1
            ? FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.OK, FakeArxivFeed.Page(0, 0, 50))
            : FakeArxivFeed.ServeAsync(ctx, total: 50)));
        using var remote = Remote(server);

        // When the search runs
        var entries = await ToListAsync(NewClient(remote, new ArxivOptions()).SearchAsync("all:test", 5, Ct));

        // Then the empty page was retried and the results came
        Assert.Equal(5, entries.Count);
        Assert.Equal(2, QueryRequests(server).Count);
    }

    [Fact]
    public async Task SearchAsync_AlwaysFailing_GivesUpAfterMaxRetries()
    {
        // Given a fake arXiv that is down
        await using var server = await FakeHttpServer.StartAsync(OnQuery(ctx => FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.ServiceUnavailable, "down", "text/plain")));
        using var remote = Remote(server);
        var client = NewClient(remote, new ArxivOptions());

        // When the search runs
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => ToListAsync(client.SearchAsync("all:test", 5, Ct)));

        // Then it tried 1 + MaxRetries times and says so
        Assert.Equal(3, QueryRequests(server).Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Contains("503", ex.Message, StringComparison.Ordinal);
    }

    [FixtureFact]
    public async Task GetByIdsAsync_Http400ErrorFeed_ThrowsWithArxivsMessage()
    {
        // Given a fake arXiv answering the recorded HTTP 400 error feed
        var body = Fixtures.Read("arxiv_api/arxiv_api_2026-04-12_idlist_abc_http400_error.xml");
        await using var server = await FakeHttpServer.StartAsync(OnQuery(ctx => FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.BadRequest, body)));
        using var remote = Remote(server);
        var client = NewClient(remote, new ArxivOptions());

        // When ids are looked up
        var ex = await Assert.ThrowsAsync<ArxivQueryException>(() => client.GetByIdsAsync([ArxivId.Parse("2509.00001")], Ct));

        // Then the exception carries arXiv's message, and 400 was not retried
        Assert.Contains("incorrect id format for abc", ex.Message, StringComparison.Ordinal);
        Assert.Single(QueryRequests(server));
    }

    [FixtureFact]
    public async Task GetByIdsAsync_RecordedAnswer_ReturnsTheEntry()
    {
        // Given a fake arXiv answering the recorded id_list lookup
        var body = Fixtures.Read("arxiv_api/arxiv_api_2026-04-12_idlist_1707.08567.xml");
        await using var server = await FakeHttpServer.StartAsync(OnQuery(ctx => FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.OK, body)));
        using var remote = Remote(server);

        // When the id is looked up
        var entries = await NewClient(remote, new ArxivOptions()).GetByIdsAsync([ArxivId.Parse("1707.08567")], Ct);

        // Then the entry comes back and the request named the id
        Assert.Equal("1707.08567v1", Assert.Single(entries).Id.Versioned);
        Assert.Contains("id_list=1707.08567&max_results=1", Assert.Single(QueryRequests(server)).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_TruncatedAnswer_ThrowsNamingTheLine()
    {
        // Given a fake arXiv whose answer stops halfway
        var page = FakeArxivFeed.Page(0, 5, 5);
        await using var server = await FakeHttpServer.StartAsync(OnQuery(ctx => FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.OK, page[..(page.Length / 2)])));
        using var remote = Remote(server);

        // When the search runs
        var ex = await Assert.ThrowsAsync<ArxivFeedFormatException>(() => ToListAsync(NewClient(remote, new ArxivOptions()).SearchAsync("all:x", 5, Ct)));

        // Then the error names the line
        Assert.Contains("line", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_FewerResultsThanAsked_StopsAtTotal()
    {
        // Given a fake arXiv with only 3 results
        await using var server = await FakeHttpServer.StartAsync(OnQuery(ctx => FakeArxivFeed.ServeAsync(ctx, total: 3)));
        using var remote = Remote(server);

        // When 50 are asked for
        var entries = await ToListAsync(NewClient(remote, new ArxivOptions { PageSize = 2 }).SearchAsync("all:x", 50, Ct));

        // Then the 3 come in two requests and no more are made
        Assert.Equal(3, entries.Count);
        Assert.Equal(2, QueryRequests(server).Count);
    }

    /// <summary>Sends only arXiv query requests to <paramref name="handler"/>; anything else gets an empty 204.</summary>
    private static Func<HttpContext, Task> OnQuery(Func<HttpContext, Task> handler) => ctx =>
    {
        if (ctx.Request.Path == "/api/query") return handler(ctx);
        ctx.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    };

    [Fact]
    public async Task SearchAsync_BaseAddressIsHostRoot_UsesApiQueryPath()
    {
        // Given an HttpClient whose BaseAddress is just the host, as for ARXIV_API_URL=http://host/
        await using var server = await FakeHttpServer.StartAsync(OnQuery(ctx => FakeArxivFeed.ServeAsync(ctx, total: 1)));
        using var remote = Remote(server, root: true);

        // When a search runs
        var entries = await ToListAsync(NewClient(remote, new ArxivOptions()).SearchAsync("ti:\"a b\"", 1, Ct));

        // Then the request went to /api/query with the encoded query
        Assert.Single(entries);
        Assert.StartsWith("/api/query?search_query=ti:%22a+b%22&start=0&max_results=1", Assert.Single(server.Requests).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadOptions_ThrowsNamingTheSetting()
    {
        // Given options with a page size arXiv refuses
        var options = new ArxivOptions { PageSize = 5000 };
        using var http = new HttpClient();

        // When a client is made
        var ex = Assert.Throws<ArgumentException>(() => new ArxivApiClient(http, options));

        // Then the message names the setting
        Assert.Contains("arxiv.page_size", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>The production "arxiv" remote aimed at the fake, with fast retries (2) and, on the real clock, no pacing.</summary>
    private static RemoteClient Remote(FakeHttpServer server, FakeTimeProvider? time = null, bool root = false) =>
        new(Remotes.ArxivApi(root ? server.BaseAddress : new Uri(server.BaseAddress, "api/query"),
            RemoteTiming.From(retries: 2, retryDelayMs: 10, timeoutSeconds: 60),
            time is null ? TimeSpan.Zero : Interval), time);

    private static ArxivApiClient NewClient(RemoteClient remote, ArxivOptions options) => new(remote.Http, options);

    private static List<FakeHttpServer.RecordedRequest> QueryRequests(FakeHttpServer server) =>
        server.Requests.Where(r => r.PathAndQuery.StartsWith("/api/query?", StringComparison.Ordinal)).OrderBy(r => r.At).ToList();

    private static void AssertGaps(IReadOnlyList<DateTimeOffset> starts, TimeSpan interval)
    {
        for (var i = 1; i < starts.Count; i++)
        {
            var gap = starts[i] - starts[i - 1];
            Assert.True(gap >= interval, $"requests {i - 1} and {i} started only {gap.TotalMilliseconds:F0} ms apart");
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, current) == current) return;
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }
}
