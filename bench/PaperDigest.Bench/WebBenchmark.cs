using PaperDigest.Cli;
using PaperDigest;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Configuration;
using PaperDigest.Import;
using PaperDigest.Search;
using PaperDigest.Store;
using PaperDigest.Web;
using PaperDigest.Summaries;

namespace PaperDigest.Bench;

/// <summary>
/// Issue 5: import the 18k corpus (papers/s), search latency over 100 English and Chinese queries (p95 ≤ 20 ms),
/// paper page over HTTP on a real local server (p95 ≤ 30 ms), and database bytes per paper.
/// Usage: web [corpus.jsonl.xz]
/// </summary>
internal sealed class WebBenchmark : IBenchmark
{
    private const double ImportTarget = 2000, SearchP95Target = 20, PageP95Target = 30, BytesPerPaperTarget = 8192;
    private const int ChineseSummaries = 4000;

    public string Name => "web";
    public string Description => "import 18k papers, search p50/p95 (en+zh), paper page p95 over HTTP, DB bytes/paper";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var corpus = args.Length > 0 ? args[0] : FindCorpus();
        if (corpus is null || !File.Exists(corpus))
        {
            await Console.Error.WriteLineAsync("web: corpus not found; pass the path of arxiv_papers_18k.jsonl.xz");
            return 2;
        }
        var dir = Path.Combine(Path.GetTempPath(), "paperdigest-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var dbPath = Path.Combine(dir, "bench.db");
        try
        {
            var store = SqliteStore.Open(dbPath);
            var time = TimeProvider.System;

            // 1. Import.
            var importer = new ArxivImporter(new ImportStore(store, time), time);
            var result = await importer.ImportAsync(corpus, _ => { }, null, cancellationToken);
            var rate = result.Imported / result.Elapsed.TotalSeconds;
            Report("import", $"{result.Imported:N0} papers in {result.Elapsed.TotalSeconds:F1} s = {rate:N0} papers/s", rate, ImportTarget, higherIsBetter: true);

            // 2. Synthetic Chinese summaries for some papers, through the real SummaryStore (the triggers index them).
            var ids = (await ConnectAndQuery(store, "SELECT id FROM papers ORDER BY id")).ToList();
            var summaries = new SummaryStore(store);
            var random = new Random(42);
            var clock = Stopwatch.StartNew();
            foreach (var id in ids.Where((_, i) => i % (ids.Count / ChineseSummaries) == 0).Take(ChineseSummaries))
                await summaries.SaveAsync(ChineseText.Summary(id, random), cancellationToken);
            Console.WriteLine($"  (+ {ChineseSummaries:N0} synthetic Chinese summaries stored and indexed in {clock.Elapsed.TotalSeconds:F1} s)");

            // 3. Search latency.
            var search = new SearchStore(store);
            var queries = BenchQueries.All;
            foreach (var q in queries.Take(10)) await RunQuery(search, q, cancellationToken); // warm-up
            var samples = new List<(double Ms, SearchQuery Query, int Total)>();
            var cpu = new List<double>();
            var process = Process.GetCurrentProcess();
            for (var round = 0; round < 3; round++)
                foreach (var q in queries)
                {
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    var page = await RunQuery(search, q, cancellationToken);
                    samples.Add((watch.Elapsed.TotalMilliseconds, q, page.Total));
                    process.Refresh();
                    cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }
            var ms = samples.Select(s => s.Ms).ToList();
            Report("search", $"{queries.Count} queries x3: p50 {Percentile(ms, 50):F2} ms, p95 {Percentile(ms, 95):F2} ms, max {ms.Max():F1} ms", Percentile(ms, 95), SearchP95Target, higherIsBetter: false);
            foreach (var slow in samples.OrderByDescending(s => s.Ms).DistinctBy(s => s.Query.Text).Take(3))
                Console.WriteLine($"  slowest: {slow.Ms:F1} ms '{slow.Query.Text}' ({slow.Total:N0} hits)");
            Console.WriteLine($"  CPU time per query (what load on a shared machine does not inflate): p50 {Percentile(cpu, 50):F2} ms, p95 {Percentile(cpu, 95):F2} ms; load average {LoadAverage()}");
            var zh = samples.Where(s => SearchTerms.ContainsCjk(s.Query.Text)).Select(s => s.Ms).ToList();
            Console.WriteLine($"  Chinese queries only: p50 {Percentile(zh, 50):F2} ms, p95 {Percentile(zh, 95):F2} ms ({zh.Count / 3} queries)");

            // 4. Paper page over HTTP on a real local server.
            var options = new AppOptions();
            options.Store.Path = dbPath;
            await using (var app = WebApp.Build("http://127.0.0.1:0", services => Composition.Register(services, AppCommand.Serve, options, new Secrets(null, null), time, TextWriter.Null)))
            {
                await app.StartAsync(cancellationToken);
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                using var http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
                var pageIds = Enumerable.Range(0, 300).Select(_ => ids[random.Next(ids.Count)]).ToList();
                foreach (var id in pageIds.Take(20)) (await http.GetAsync($"papers/{id}", cancellationToken)).EnsureSuccessStatusCode();
                var pageMs = new List<double>();
                foreach (var id in pageIds)
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await http.GetAsync($"papers/{id}", cancellationToken);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    pageMs.Add(watch.Elapsed.TotalMilliseconds);
                    response.EnsureSuccessStatusCode();
                }
                Report("paper page", $"{pageMs.Count} GET /papers/<id>: p50 {Percentile(pageMs, 50):F2} ms, p95 {Percentile(pageMs, 95):F2} ms", Percentile(pageMs, 95), PageP95Target, higherIsBetter: false);
                await app.StopAsync(cancellationToken);
            }

            // 5. Size.
            await using (var connection = await store.ConnectAsync(cancellationToken))
                await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            SqliteConnection.ClearAllPools();
            var bytes = new FileInfo(dbPath).Length;
            var perPaper = (double)bytes / ids.Count;
            Report("database", $"{bytes / 1048576.0:F1} MiB for {ids.Count:N0} papers = {perPaper:N0} bytes/paper", perPaper, BytesPerPaperTarget, higherIsBetter: false);
            await PrintTableSizes(store, ids.Count, cancellationToken);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static Task<SearchPage> RunQuery(SearchStore search, SearchQuery q, CancellationToken ct)
    {
        if (!SearchTerms.TryParse(q.Text, out var terms, out var error)) throw new InvalidOperationException(error);
        return search.SearchAsync(q, terms, ct);
    }

    private static void Report(string name, string figure, double value, double target, bool higherIsBetter)
    {
        var ratio = value / target;
        var ok = higherIsBetter ? ratio >= 1 : ratio <= 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-11} {figure}; target {(higherIsBetter ? "≥" : "≤")} {target:N0}: ratio {ratio:F2} {(ok ? "OK" : "MISSED")}"));
    }

    internal static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.OrderBy(v => v).ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + $" on {Environment.ProcessorCount} cores" : "unknown";

    private static async Task<IEnumerable<string>> ConnectAndQuery(SqliteStore store, string sql)
    {
        await using var connection = await store.ConnectAsync(CancellationToken.None);
        return (await connection.QueryAsync<string>(sql)).ToList();
    }

    private static async Task PrintTableSizes(SqliteStore store, int papers, CancellationToken ct)
    {
        try
        {
            await using var connection = await store.ConnectAsync(ct);
            var rows = await connection.QueryAsync<(string Name, long Bytes)>(
                "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8");
            Console.WriteLine("  largest: " + string.Join(", ", rows.Select(r => $"{r.Name} {r.Bytes / (double)papers:N0} B/paper")));
        }
        catch (SqliteException)
        {
            // dbstat is optional in SQLite builds; the total above is what counts.
        }
    }

    private static string? FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "arxiv_papers_18k.jsonl.xz");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
