using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Http;
using PaperDigest.Listings;
using PaperDigest.Llm;
using PaperDigest.Ranking;
using PaperDigest.Store;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Bench;

/// <summary>
/// Issue 13 "arXiv listings, ranked by the reader's own library": a 400-paper listing from the shared corpus (40 cs.RO papers
/// as the library). Time to rank offline (target &lt; 1 s), precision@20 on the labelled set; the embeddings path
/// (llm.embeddings_model) through the real "llm" remote against the fake /embeddings on loopback: a first ranking (requests,
/// inputs, time) and a cached rerun (target 0 requests, &lt; 1 s); then `daily --source` end to end
/// against a fake RSS server and the fake LLM: LLM requests = top N × styles, and a rerun asks nothing.
/// </summary>
internal sealed class RankBenchmark : IBenchmark
{
    public string Name => "rank";

    public string Description => "400-paper listing: offline ranking time (< 1 s), precision@20; embeddings ranking first run and cached rerun (0 requests, < 1 s); daily --source LLM requests = top × styles, rerun 0";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var corpus = Path.Combine(Fixtures.SharedDir, "corpus", "arxiv_papers_18k.jsonl.xz");
        var set = await LabelledSet.FromCorpusAsync(corpus, "cs.RO", 40, 400, cancellationToken);
        var ranker = new ProfileRanker(set.Library, [], []);
        ranker.Rank(set.Candidates); // warm-up (JIT)
        const int rounds = 5;
        var clock = Stopwatch.StartNew();
        IReadOnlyList<RankedPaper> ranked = [];
        for (var i = 0; i < rounds; i++) ranked = ranker.Rank(set.Candidates);
        var seconds = clock.Elapsed.TotalSeconds / rounds;
        var p20 = set.PrecisionAt(20, ranked.Select(r => r.Paper));
        var chance = set.Relevant.Count / (double)set.Candidates.Count;
        Console.WriteLine($"rank      : {set.Candidates.Count} candidates, library {set.Library.Count}: {seconds * 1000:F1} ms per ranking (target < 1 s; ratio {seconds:F3})");
        Console.WriteLine($"precision : @10 {set.PrecisionAt(10, ranked.Select(r => r.Paper)):F2}, @20 {p20:F2} ({set.Relevant.Count} relevant of {set.Candidates.Count}, chance {chance:F2})");
        var embeddingsOk = await EmbeddingsAsync(set, seconds, cancellationToken);

        // daily --source: the same 400 papers as one listing, top 20, two styles
        const int top = 20;
        await using var rss = await FakeArxivRssServer.StartAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        rss.SetFeed(FakeArxivRssServer.Listing(new DateOnly(2026, 9, 24),
            set.Candidates.Select(p => (p.Id.Id, p.Title, p.Abstract, string.Join(", ", p.Authors), p.Categories.FirstOrDefault() ?? "cs.RO", "new"))));
        using var cli = new CliRunner();
        cli.UseFakes(null, llm);
        cli.Env["ARXIV_RSS_URL"] = rss.BaseUrl.ToString();
        cli.Env["PAPERDIGEST_LLM__CONCURRENCY"] = "8";
        cli.Env["PAPERDIGEST_READING__ARXIV_BASE_URL"] = "http://127.0.0.1:9/";
        await File.WriteAllTextAsync(Path.Combine(cli.Dir, "lib.csv"), "Title,Abstract Note,Author\n" + string.Join("\n",
            set.Library.Select(p => $"\"{p.Title.Replace("\"", "\"\"", StringComparison.Ordinal)}\",\"{p.Abstract.Replace("\"", "\"\"", StringComparison.Ordinal)}\",\"\"")), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(cli.Dir, "paperdigest.yml"),
            $"sources:\n  - name: robotics\n    arxiv_categories: [cs.RO, cs.CV]\n    announce: [new]\n    top: {top}\nprofile:\n  library: lib.csv\n", cancellationToken);
        clock.Restart();
        var first = await cli.RunAsync("daily", "--source", "robotics", "--style", "brief", "--style", "keywords");
        var firstTime = clock.Elapsed;
        var requests = llm.ChatRequests;
        clock.Restart();
        var second = await cli.RunAsync("daily", "--source", "robotics", "--style", "brief", "--style", "keywords");
        Console.WriteLine($"daily     : exit {first.ExitCode}, {requests} LLM requests for top {top} × 2 styles (target {top * 2}; ratio {requests / (double)(top * 2):F2}), {firstTime.TotalSeconds:F2} s");
        Console.WriteLine($"rerun     : exit {second.ExitCode}, {llm.ChatRequests - requests} LLM requests (target 0), {clock.Elapsed.TotalSeconds:F2} s");
        if (first.ExitCode != 0) Console.WriteLine(first.Error);
        return first.ExitCode == 0 && second.ExitCode == 0 && seconds < 1 && embeddingsOk ? 0 : 1;
    }

    /// <summary>The embeddings ranker as `daily` builds it (the "llm" remote, the store on disk), timed on a first run and a cached rerun.</summary>
    private static async Task<bool> EmbeddingsAsync(LabelledSet set, double offlineSeconds, CancellationToken cancellationToken)
    {
        await using var llm = await FakeLlmServer.StartAsync();
        var dir = Directory.CreateTempSubdirectory("paperdigest-rank-bench-");
        try
        {
            var options = new LlmOptions { BaseUrl = llm.BaseUrl.ToString(), EmbeddingsModel = "text-embedding-3-small" };
            var services = new ServiceCollection()
                .AddSingleton(TimeProvider.System)
                .AddLogging()
                .AddStore(new StoreOptions { Path = Path.Combine(dir.FullName, "bench.db") });
            services.AddRemote(Remotes.Llm(RemoteTiming.From(options.HttpRetries, options.RetryDelayMs, options.TimeoutSeconds)));
            services.AddLlm(options, "sk-bench").AddProfile(new ProfileOptions());
            await using var provider = services.BuildServiceProvider();
            var failures = new List<string>();
            var ranker = new EmbeddingRanker(set.Library, new ProfileMatcher([], []), provider.GetRequiredService<EmbeddingsClient>(),
                provider.GetRequiredService<EmbeddingStore>(), new ProfileRanker(set.Library, [], []), ex => failures.Add(ex.Message));

            var clock = Stopwatch.StartNew();
            var ranked = await ranker.RankAsync(set.Candidates, cancellationToken);
            var first = clock.Elapsed.TotalSeconds;
            var (requests, inputs) = (llm.Embeddings.Requests, llm.Embeddings.Inputs);
            clock.Restart();
            await ranker.RankAsync(set.Candidates, cancellationToken);
            var rerun = clock.Elapsed.TotalSeconds;
            var rerunRequests = llm.Embeddings.Requests - requests;
            var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Split(' ')[0] : "?";
            Console.WriteLine($"embeddings: first run {first * 1000:F0} ms, {requests} requests for {inputs} texts ({set.Library.Count} library + {set.Candidates.Count} candidates); " +
                              $"cached rerun {rerun * 1000:F0} ms, {rerunRequests} requests (target 0, < 1 s; offline {offlineSeconds * 1000:F0} ms); load {load}");
            Console.WriteLine($"embeddings: precision @20 {set.PrecisionAt(20, ranked.Select(r => r.Paper)):F2} with the fake's hashed bag of words (a real model's quality is not measured here)");
            foreach (var f in failures) Console.WriteLine("embeddings failed: " + f);
            return failures.Count == 0 && rerunRequests == 0 && rerun < 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
