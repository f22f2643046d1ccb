using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Http;
using PaperDigest.Sources;
using PaperDigest.Tests.TestSupport;
using PaperDigest.Tracker;

namespace PaperDigest.Bench;

/// <summary>
/// The tracker's arXiv fetch: the six default topics, 50 papers each, against a fake arXiv on 127.0.0.1.
/// Measures requests made against the minimum (topics × ceil(50 / page size)) and wall time against the
/// politeness floor (requests × MinInterval); the limit is 1.1.
/// Args: [--interval-ms 3000] [--page-size 100]
/// </summary>
internal sealed class TrackerFetchBenchmark : IBenchmark
{
    private const double Limit = 1.1;

    public string Name => "arxiv-fetch";

    public string Description => "six topics × 50 papers from a fake arXiv: requests vs minimum, wall time vs politeness floor (≤ 1.1)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(Option(args, "--interval-ms", 3000));
        var pageSize = Option(args, "--page-size", 100);
        var topics = TopicDefaults.All();
        var queries = topics.Select(TopicQueryBuilder.Build).ToList();

        var inFlight = 0;
        var maxInFlight = 0;
        var unknownQueries = 0;
        await using var server = await FakeHttpServer.StartAsync(async ctx =>
        {
            if (ctx.Request.Path != "/api/query") { ctx.Response.StatusCode = StatusCodes.Status204NoContent; return; }
            var now = Interlocked.Increment(ref inFlight);
            if (now > Volatile.Read(ref maxInFlight)) Interlocked.Exchange(ref maxInFlight, now);
            var seed = queries.IndexOf(ctx.Request.Query["search_query"].ToString());
            if (seed < 0) { Interlocked.Increment(ref unknownQueries); seed = 99; }
            await FakeArxivFeed.ServeAsync(ctx, total: 1000, seed);
            Interlocked.Decrement(ref inFlight);
        });
        var options = new ArxivOptions { ApiUrl = new Uri(server.BaseAddress, "api/query").ToString(), MinIntervalSeconds = interval.TotalSeconds, PageSize = pageSize };
        await using var services = new ServiceCollection().AddSingleton(TimeProvider.System)
            .AddRemote(Remotes.ArxivApi(new Uri(options.ApiUrl), options.Timing, options.MinInterval)).Services.BuildServiceProvider();
        var client = new ArxivApiClient(services.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.ArxivApi), options);

        var clock = Stopwatch.StartNew();
        var perTopic = new List<int>();
        for (var i = 0; i < topics.Count; i++)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var entry in client.SearchAsync(queries[i], topics[i].MaxPerTopic ?? TopicOptions.DefaultMaxPerTopic, cancellationToken)) ids.Add(entry.Id.Id);
            perTopic.Add(ids.Count);
        }
        clock.Stop();

        var requests = server.Requests.Count(r => r.PathAndQuery.StartsWith("/api/query?", StringComparison.Ordinal));
        var minimum = topics.Sum(t => (int)Math.Ceiling((t.MaxPerTopic ?? TopicOptions.DefaultMaxPerTopic) / (double)pageSize));
        var floor = requests * interval.TotalSeconds;
        var ratio = floor > 0 ? clock.Elapsed.TotalSeconds / floor : 0;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"topics:            {topics.Count} ({string.Join(", ", perTopic)} papers)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"min interval:      {interval.TotalMilliseconds:F0} ms, page size {pageSize}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requests:          {requests} made / {minimum} needed (ratio {requests / (double)minimum:F2})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"max in flight:     {maxInFlight}; queries arXiv would not recognise: {unknownQueries}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall time:         {clock.Elapsed.TotalSeconds:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"politeness floor:  {floor:F2} s (requests × interval)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall / floor:      {ratio:F3} (limit {Limit:F1})"));

        var ok = ratio <= Limit && requests == minimum && maxInFlight == 1 && unknownQueries == 0 && perTopic.All(n => n == 50);
        Console.WriteLine(ok ? "PASS" : "FAIL");
        return ok ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
    }
}
