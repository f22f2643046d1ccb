using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using PaperDigest.Http;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Http;

/// <summary>The one remote handler, wired as in production (<see cref="Remotes.AddRemote"/>), against real servers on 127.0.0.1.</summary>
public sealed class RemoteHandlerTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 24, 6, 0, 0, TimeSpan.Zero);

    private static RemoteDeclaration HuggingFace(Uri endpoint, int retries = 2, TimeSpan? timeout = null) =>
        Remotes.HuggingFace(endpoint, new RemoteTiming(retries, TimeSpan.FromMilliseconds(10), timeout ?? TimeSpan.FromSeconds(30), RemoteTiming.DefaultMaxRetryAfter));

    [Fact]
    public async Task SendAsync_StalledBody_TimesOutWithinTheAttempt()
    {
        // Given a server that sends the headers and a little of the body, then stalls
        await using var server = await FakeHttpServer.StartAsync(async ctx =>
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("[{\"paper\":");
            await ctx.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(20), ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using var remote = new RemoteClient(HuggingFace(server.BaseAddress, retries: 1, timeout: TimeSpan.FromMilliseconds(500)));
        var clock = Stopwatch.StartNew();

        // When a request is made
        var ex = await Assert.ThrowsAsync<RemoteException>(() => remote.Http.GetAsync("api/daily_papers"));

        // Then each attempt's timeout covered the body: two attempts of 0.5 s, not 20 s
        Assert.Equal(RemoteFailure.TimedOut, ex.Failure);
        Assert.Equal(2, remote.Attempts);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal($"Hugging Face did not answer {server.BaseAddress}api/daily_papers within 0.5 s (2 attempts); huggingface.timeout_seconds sets the limit", ex.Message);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_FailsAtOnceNamingUrlAndSetting()
    {
        // Given a port nobody listens on, and a remote that would retry 4 times a second apart
        var port = FreePort();
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        using var remote = new RemoteClient(Remotes.HuggingFace(endpoint, RemoteTiming.From(retries: 4, retryDelayMs: 1000, timeoutSeconds: 30)));
        var clock = Stopwatch.StartNew();

        // When a request is made
        var ex = await Assert.ThrowsAsync<RemoteException>(() => remote.Http.GetAsync("api/daily_papers?date=2026-09-24"));

        // Then one attempt, no backoff, and the plain words
        Assert.Equal(1, remote.Attempts);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.Equal(RemoteFailure.Unreachable, ex.Failure);
        Assert.Equal($"could not connect to http://127.0.0.1:{port}/api/daily_papers: connection refused; check HF_ENDPOINT", ex.Message);
    }

    [Fact]
    public async Task SendAsync_ResetMidBody_IsRetried()
    {
        // Given a server that drops the connection halfway through the first body
        var calls = 0;
        await using var server = await FakeHttpServer.StartAsync(async ctx =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.ContentLength = 1000;
                await ctx.Response.WriteAsync("0123456789");
                await ctx.Response.Body.FlushAsync();
                ctx.Abort();
                return;
            }
            await ctx.Response.WriteAsync("whole");
        });
        using var remote = new RemoteClient(HuggingFace(server.BaseAddress));

        // When a request is made
        using var response = await remote.Http.GetAsync("api/papers/1");

        // Then the second attempt's whole body came back
        Assert.Equal("whole", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, remote.Attempts);
    }

    [Fact]
    public async Task SendAsync_RetryAfterSeconds_WaitsThatLongOnTheClock()
    {
        // Given a server that answers 503 with Retry-After: 7 once, and a fake clock
        var time = new FakeTimeProvider(Start);
        var calls = 0;
        await using var server = await FakeHttpServer.StartAsync(ctx => Interlocked.Increment(ref calls) == 1
            ? Answer(ctx, HttpStatusCode.ServiceUnavailable, retryAfter: "7")
            : Answer(ctx, HttpStatusCode.OK));
        using var remote = new RemoteClient(HuggingFace(server.BaseAddress), time);

        // When a request is made while the clock runs
        using var response = await FakeClock.RunAsync(time, remote.Http.GetAsync("api/papers/1"));

        // Then the retry came 7 s later on the clock, not after the 10 ms backoff
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, remote.Attempts);
        Assert.InRange(remote.Starts[1] - remote.Starts[0], TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.5));
    }

    [Fact]
    public async Task SendAsync_RetryAfterHttpDate_WaitsUntilThatTime()
    {
        // Given a server that answers 429 with Retry-After as a date 9 s ahead on the clock
        var time = new FakeTimeProvider(Start);
        var calls = 0;
        await using var server = await FakeHttpServer.StartAsync(ctx => Interlocked.Increment(ref calls) == 1
            ? Answer(ctx, HttpStatusCode.TooManyRequests, retryAfter: Start.AddSeconds(9).ToString("R"))
            : Answer(ctx, HttpStatusCode.OK));
        using var remote = new RemoteClient(HuggingFace(server.BaseAddress), time);

        // When a request is made while the clock runs
        using var response = await FakeClock.RunAsync(time, remote.Http.GetAsync("api/papers/1"));

        // Then the retry started at that date
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(remote.Starts[1], Start.AddSeconds(9), Start.AddSeconds(9.5));
    }

    [Fact]
    public async Task SendAsync_LlmRateLimitedWithRetryAfter_LogSaysRateLimitedAndTheWait()
    {
        // Given the LLM endpoint answers 429 with Retry-After: 120 once, a fake clock, and a logger that keeps what is said
        var time = new FakeTimeProvider(Start);
        var calls = 0;
        await using var server = await FakeHttpServer.StartAsync(ctx => Interlocked.Increment(ref calls) == 1
            ? Answer(ctx, HttpStatusCode.TooManyRequests, retryAfter: "120")
            : Answer(ctx, HttpStatusCode.OK));
        var log = new ListLogger<RemoteHandler>();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(services, time);
        services.AddRemote(Remotes.Llm(RemoteTiming.From(2, 10, 30)));
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(services, new OneLoggerFactory(log));
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        using var http = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IHttpClientFactory>(provider).CreateClient(RemoteNames.Llm);

        // When a request is made while the clock runs
        using var response = await FakeClock.RunAsync(time, http.GetAsync(new Uri(server.BaseAddress, "v1/chat/completions")));

        // Then the wait is said in the provider's terms, not as a failed attempt
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var said = Assert.Single(log.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning).Message;
        Assert.Equal("the LLM endpoint: rate limited by the provider, retrying in 120 s", said);
    }

    [Fact]
    public async Task SendAsync_RetryAfterOverTheCap_FailsAtOnceSayingSo()
    {
        // Given a server that asks for two minutes, more than the 60 s a run waits
        await using var server = await FakeHttpServer.StartAsync(ctx => Answer(ctx, HttpStatusCode.TooManyRequests, retryAfter: "120"));
        using var remote = new RemoteClient(HuggingFace(server.BaseAddress));

        // When a request is made
        var ex = await Assert.ThrowsAsync<RemoteException>(() => remote.Http.GetAsync("api/papers/1"));

        // Then no waiting, no retry, and a message saying why
        Assert.Equal(1, remote.Attempts);
        Assert.Equal(RemoteFailure.RetryAfterTooLong, ex.Failure);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal("Hugging Face asked to retry after 120 s, more than the 60 s this run waits; try again later", ex.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task SendAsync_GitHubRateLimit_NotRetriedNorWaitedFor(HttpStatusCode status)
    {
        // Given GitHub over its rate limit, asking to wait an hour
        await using var server = await FakeHttpServer.StartAsync(ctx => Answer(ctx, status, retryAfter: "3600"));
        using var remote = new RemoteClient(Remotes.GitHub(server.BaseAddress));

        // When a repository is asked about
        using var response = await remote.Http.GetAsync("repos/owner/repo");

        // Then the answer comes back at once, after one attempt, for the client to judge
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(1, remote.Attempts);
    }

    [Fact]
    public async Task SendAsync_ArxivPages_AtMostFourStartsInAnySecondOneAtATime()
    {
        // Given arXiv's pages at 4 requests a second, one connection, and a fake clock
        var time = new FakeTimeProvider(Start);
        var inFlight = 0;
        var maxInFlight = 0;
        await using var server = await FakeHttpServer.StartAsync(async ctx =>
        {
            var now = Interlocked.Increment(ref inFlight);
            if (now > Volatile.Read(ref maxInFlight)) Volatile.Write(ref maxInFlight, now);
            await Task.Delay(5);
            Interlocked.Decrement(ref inFlight);
            await Answer(ctx, HttpStatusCode.OK);
        });
        using var remote = new RemoteClient(Remotes.ArxivPages(server.BaseAddress, RemoteTiming.From(0, 10, 30), startsPerSecond: 4, connections: 1), time);

        // When ten pages are asked for at once
        var all = Task.WhenAll(Enumerable.Range(0, 10).Select(async i => { using var r = await remote.Http.GetAsync($"html/2609.0000{i}"); }));
        await FakeClock.RunAsync(time, all);

        // Then no second on the clock held more than four starts, and they never overlapped
        var starts = remote.Starts.Order().ToList();
        Assert.Equal(10, starts.Count);
        for (var i = 4; i < starts.Count; i++)
            Assert.True(starts[i] - starts[i - 4] >= TimeSpan.FromSeconds(1), $"starts {i - 4}..{i} within {starts[i] - starts[i - 4]}");
        Assert.Equal(1, maxInFlight);
    }

    private static Task Answer(HttpContext ctx, HttpStatusCode status, string? retryAfter = null)
    {
        ctx.Response.StatusCode = (int)status;
        if (retryAfter is not null) ctx.Response.Headers.RetryAfter = retryAfter;
        return ctx.Response.WriteAsync("{}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Hands the remote's handler the test's logger.</summary>
    private sealed class OneLoggerFactory(Microsoft.Extensions.Logging.ILogger logger) : Microsoft.Extensions.Logging.ILoggerFactory
    {
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(Microsoft.Extensions.Logging.ILoggerProvider provider) { }

        public void Dispose() { }
    }
}
