using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using PaperDigest.Import;
using PaperDigest.Search;
using PaperDigest.Store;

namespace PaperDigest.Bench;

/// <summary>
/// Issue 12: import time and bytes per paper against the bare SQLite floor (../shared/tools/sqlite_floor.py, run on the
/// same file in the same run), and search p95 over the 100-query mix and ten common terms.
/// Usage: scale [corpus.jsonl.xz] [--copies N] [--repeat N] [--keep DIR] [--db FILE] [--overlap] [--rank-cap N] [--frequent-df N] [--budget-us N]
///   --copies N  N copies of the corpus with new ids (1-16; 1 = the corpus as it is)
///   --repeat N  import N times (1-9), each right after a run of the floor, and count the median ratio: one run on two
///               shared cores varies by 10-20%
///   --keep DIR  build the store in DIR and keep it (for experiments with --db)
///   --db FILE   measure search only, on an existing store (no floor, no import)
///   --overlap   per query of the mix: exact or bounded path, and the top-10 overlap with exact BM25 ranking
///   --rank-cap N, --frequent-df N, --budget-us N   SearchOptions.RankCap, FrequentDf and RankBudgetMicroseconds, to try other settings
/// </summary>
internal sealed class ScaleBenchmark : IBenchmark
{
    private const double ImportRatioTarget = 1.0, BytesRatioTarget = 1.1;
    private const int MaxCopies = 16, SmallStorePapers = 80_000;
    private const string ImportOnly = "--import-only"; // the child process of one timed import
    private static readonly string[] CommonTerms = ["model", "learning", "the", "data", "network", "method", "results", "language", "performance", "based"];

    public string Name => "scale";
    public string Description => "import time and bytes/paper vs the SQLite floor (same run), search p95 (mix, common terms); --copies N, --repeat N, --keep DIR, --db FILE, --overlap";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args is [ImportOnly, var childDb, var childInput]) return await ImportOnlyAsync(childDb, childInput, cancellationToken);
        var copies = 1;
        string? corpus = null, keep = null, existing = null;
        var overlap = false;
        var repeat = 1;
        var options = new SearchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--copies" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxCopies) copies = n;
            else if (args[i] == "--keep" && i + 1 < args.Length) keep = args[++i];
            else if (args[i] == "--db" && i + 1 < args.Length) existing = args[++i];
            else if (args[i] == "--overlap") overlap = true;
            else if (args[i] == "--repeat" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 9) repeat = r;
            else if (args[i] == "--rank-cap" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var cap) && cap >= 1) options = options with { RankCap = cap };
            else if (args[i] == "--frequent-df" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var df) && df >= 1) options = options with { FrequentDf = df };
            else if (args[i] == "--budget-us" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var us) && us >= 1) options = options with { RankBudgetMicroseconds = us };
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) { await Console.Error.WriteLineAsync($"scale: unknown or bad option '{args[i]}' (--copies takes 1-{MaxCopies}; --repeat 1-9; --keep DIR; --db FILE; --overlap; --rank-cap N; --frequent-df N; --budget-us N)"); return 2; }
            else corpus = args[i];
        }
        if (existing is not null)
        {
            if (!File.Exists(existing)) { await Console.Error.WriteLineAsync($"scale: --db {existing}: no such file"); return 2; }
            Console.WriteLine($"store: {existing}; load average {LoadAverage()}");
            await MeasureSearchAsync(SqliteStore.Open(existing), options, overlap, cancellationToken);
            SqliteConnection.ClearAllPools();
            return 0;
        }
        corpus ??= FindFile(Path.Combine("shared", "corpus", "arxiv_papers_18k.jsonl.xz"));
        var floorScript = FindFile(Path.Combine("shared", "tools", "sqlite_floor.py"));
        if (corpus is null || !File.Exists(corpus) || floorScript is null)
        {
            await Console.Error.WriteLineAsync("scale: corpus or ../shared/tools/sqlite_floor.py not found; pass the path of arxiv_papers_18k.jsonl.xz");
            return 2;
        }
        var dir = keep ?? Path.Combine(Path.GetTempPath(), "paperdigest-scale-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var input = copies == 1 ? corpus : await CorpusCopyWriter.WriteAsync(corpus, copies, Path.Combine(dir, $"corpus-x{copies}.jsonl"), cancellationToken);
            Console.WriteLine($"input: {input} ({copies}x); load average {LoadAverage()}");

            // Floor first, then ours, on the same file in the same run; with --repeat, alternately, and the median ratio counts.
            var dbPath = Path.Combine(dir, "bench.db");
            var ratios = new List<double>();
            long floorPapers = 0, floorBytes = 0, imported = 0;
            for (var run = 1; run <= repeat; run++)
            {
                (var floorSeconds, floorPapers, floorBytes) = await RunFloorAsync(floorScript, input, Path.Combine(dir, "floor.db"), cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor      {floorPapers:N0} papers in {floorSeconds:F2} s = {floorPapers / floorSeconds:N0} papers/s, {floorBytes:N0} bytes/paper"));
                foreach (var file in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" }) File.Delete(file);
                (imported, var skipped, var seconds) = await ImportAsync(dbPath, input, cancellationToken);
                if (imported != floorPapers || skipped > 0)
                    Console.WriteLine($"import        MISMATCH: {imported:N0} papers imported ({skipped:N0} lines skipped), the floor loaded {floorPapers:N0}");
                ratios.Add(seconds / floorSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ours       {imported:N0} papers in {seconds:F2} s = {imported / seconds:N0} papers/s; ours/floor {seconds / floorSeconds:F2}{(repeat > 1 ? $" (run {run} of {repeat})" : "")}"));
            }
            var median = ratios.Order().ElementAt(ratios.Count / 2);
            Report("import", repeat > 1 ? string.Create(CultureInfo.InvariantCulture, $"median of {repeat} runs, each against the floor measured just before it: {string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}") : "ours/floor", median, ImportRatioTarget);

            var store = SqliteStore.Open(dbPath);
            SqliteConnection.ClearAllPools();
            var bytes = new FileInfo(dbPath).Length + (File.Exists(dbPath + "-wal") ? new FileInfo(dbPath + "-wal").Length : 0);
            var perPaper = (double)bytes / Math.Max(1, imported);
            Report("bytes", $"{perPaper:N0} bytes/paper; floor {floorBytes:N0}; ours/floor {perPaper / floorBytes:F2}", perPaper / floorBytes, BytesRatioTarget);

            await MeasureSearchAsync(store, options, overlap, cancellationToken);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null) try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Search p95 over the mix and the common terms, against the issue's limit for the store's size (20 ms up to ~80k
    /// papers, 30 ms above); with <paramref name="overlap"/>, each mix query also runs once with exact ranking (no cap).
    /// </summary>
    private static async Task MeasureSearchAsync(SqliteStore store, SearchOptions options, bool overlap, CancellationToken cancellationToken)
    {
        long papers;
        await using (var connection = await store.ConnectAsync(cancellationToken))
            papers = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM search_docs");
        var search = new SearchStore(store, options);
        var limit = papers <= SmallStorePapers ? 20.0 : 30.0; // the issue: ≤ 20 ms at 75k-equivalent, ≤ 30 ms at 300k
        Console.WriteLine($"search on {papers:N0} papers (rank cap {options.RankCap}, budget {options.RankBudgetMicroseconds} us, frequent df {options.FrequentDf}, candidates {options.CandidateCap}, fill {options.FillCap}); load average {LoadAverage()}");
        var (mix, mixCpu) = await MeasureAsync(search, BenchQueries.All, cancellationToken);
        Report("search mix", $"{BenchQueries.All.Count} queries x3: p50 {WebBenchmark.Percentile(mix, 50):F2} ms, p95 {WebBenchmark.Percentile(mix, 95):F2} ms (cpu p95 {WebBenchmark.Percentile(mixCpu, 95):F2} ms)", WebBenchmark.Percentile(mix, 95) / limit, 1, $"limit {limit} ms");
        var (common, commonCpu) = await MeasureAsync(search, CommonTerms.Select(t => new SearchQuery(t)).ToList(), cancellationToken);
        Report("search common", $"{CommonTerms.Length} terms x3 ({string.Join(", ", CommonTerms)}): p50 {WebBenchmark.Percentile(common, 50):F2} ms, p95 {WebBenchmark.Percentile(common, 95):F2} ms (cpu p95 {WebBenchmark.Percentile(commonCpu, 95):F2} ms)", WebBenchmark.Percentile(common, 95) / limit, 1, $"limit {limit} ms");
        if (overlap) await OverlapAsync(store, search, cancellationToken);
        Console.WriteLine($"load average {LoadAverage()}");
    }

    /// <summary>
    /// Per mix query: the path taken, ms (wall and CPU, the faster of two runs) bounded and exact (no cap), and how many
    /// of the exact top 10 the bounded page keeps.
    /// </summary>
    private static async Task OverlapAsync(SqliteStore store, SearchStore search, CancellationToken ct)
    {
        var exact = new SearchStore(store, new SearchOptions { RankCap = int.MaxValue });
        var all = new List<double>();
        var bounded = new List<double>();
        var (allPapers, boundedPapers) = (new List<double>(), new List<double>());
        var (exactMs, exactCpu) = (new List<double>(), new List<double>());
        Console.WriteLine("query                                  path     total      ms    cpu  exact ms    cpu  top-10 overlap");
        foreach (var q in BenchQueries.All)
        {
            // Each twice, alternating, keeping the faster run: neither gains from pages the other brought into the cache.
            var (ms, cpu, page) = await TimeQuery(search, q, ct);
            var (referenceMs, referenceCpu, reference) = await TimeQuery(exact, q, ct);
            var again = await TimeQuery(search, q, ct);
            var referenceAgain = await TimeQuery(exact, q, ct);
            (ms, cpu) = (Math.Min(ms, again.Wall), Math.Min(cpu, again.Cpu));
            (referenceMs, referenceCpu) = (Math.Min(referenceMs, referenceAgain.Wall), Math.Min(referenceCpu, referenceAgain.Cpu));
            exactMs.Add(referenceMs);
            exactCpu.Add(referenceCpu);
            var want = reference.Hits.Take(10).Select(h => h.Id).ToList();
            var got = page.Hits.Take(10).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
            var share = want.Count == 0 ? (got.Count == 0 ? 1.0 : 0.0) : (double)want.Count(got.Contains) / want.Count;
            all.Add(share);
            if (page.Bounded) bounded.Add(share);
            // The copies of --copies N tie exactly (same text), so the exact top 10 is a few papers N times over: also count
            // distinct papers (by title) -- how many of the exact top 10's papers the bounded page shows in any copy.
            var wantPapers = reference.Hits.Take(10).Select(h => h.Title).Distinct(StringComparer.Ordinal).ToList();
            var gotPapers = page.Hits.Take(10).Select(h => h.Title).ToHashSet(StringComparer.Ordinal);
            var paperShare = wantPapers.Count == 0 ? (gotPapers.Count == 0 ? 1.0 : 0.0) : (double)wantPapers.Count(gotPapers.Contains) / wantPapers.Count;
            allPapers.Add(paperShare);
            if (page.Bounded) boundedPapers.Add(paperShare);
            var label = q.Text + (q.Page > 1 ? $" (page {q.Page})" : "") + (q.HasFilters ? " (filtered)" : "");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(label.Length > 38 ? label[..38] : label),-38} {(page.Bounded ? "bounded" : "exact"),-7} {page.Total,7:N0}{(page.Bounded ? "+" : " ")} {ms,7:F1} {cpu,6:F1} {referenceMs,9:F1} {referenceCpu,6:F1}  {share * 10,4:F0}/10  {paperShare,5:P0} of its papers"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overlap       top-10 overlap with exact BM25: mean {all.Average():P1} over {all.Count} queries; {(bounded.Count > 0 ? bounded.Average() : 1):P1} over the {bounded.Count} bounded ones; exact ranking (before): p95 {WebBenchmark.Percentile(exactMs, 95):F2} ms, cpu p95 {WebBenchmark.Percentile(exactCpu, 95):F2} ms (the faster of two runs each)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overlap       distinct papers of the exact top 10 shown in the top 10 (copies counted once): mean {allPapers.Average():P1}; {(boundedPapers.Count > 0 ? boundedPapers.Average() : 1):P1} over the bounded ones"));
    }

    /// <summary>
    /// Our import of <paramref name="input"/> into a new store, in a process of its own (cold, as a user's `import` is; the
    /// floor is a new python process too), timed as the floor is: from the first byte read to the WAL checkpointed into
    /// the database file (the floor ends with wal_checkpoint(truncate) too).
    /// </summary>
    private static async Task<(long Imported, long Skipped, double Seconds)> ImportAsync(string dbPath, string input, CancellationToken ct)
    {
        var self = Environment.ProcessPath!;
        string[] prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [typeof(ScaleBenchmark).Assembly.Location] : [];
        using var child = Process.Start(new ProcessStartInfo(self, [.. prefix, "scale", ImportOnly, dbPath, input]) { RedirectStandardOutput = true })!;
        var output = await child.StandardOutput.ReadToEndAsync(ct);
        await child.WaitForExitAsync(ct);
        var parts = output.Trim().Split(' ');
        if (child.ExitCode != 0 || parts.Length != 3) throw new InvalidOperationException($"scale {ImportOnly} failed: {output}");
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    /// <summary>The child of <see cref="ImportAsync"/>: imports, checkpoints, prints "imported skipped seconds".</summary>
    private static async Task<int> ImportOnlyAsync(string dbPath, string input, CancellationToken ct)
    {
        var store = SqliteStore.Open(dbPath);
        var time = TimeProvider.System;
        var result = await new ArxivImporter(new ImportStore(store, time), time).ImportAsync(input, _ => { }, null, ct);
        var checkpoint = Stopwatch.StartNew();
        await using (var connection = await store.ConnectAsync(ct))
            await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        var seconds = result.Elapsed.TotalSeconds + checkpoint.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Imported} {result.Skipped} {seconds:F3}"));
        return 0;
    }

    private static async Task<(double Seconds, long Papers, long BytesPerPaper)> RunFloorAsync(string script, string input, string db, CancellationToken ct)
    {
        using var python = Process.Start(new ProcessStartInfo("python3", [script, input, db]) { RedirectStandardOutput = true })!;
        var output = await python.StandardOutput.ReadToEndAsync(ct);
        await python.WaitForExitAsync(ct);
        var parts = output.Trim().Split(' ');
        if (python.ExitCode != 0 || parts.Length != 3) throw new InvalidOperationException($"sqlite_floor.py failed: {output}");
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    /// <summary>Wall and CPU milliseconds of each query, three rounds after a warm-up.</summary>
    private static async Task<(List<double> Wall, List<double> Cpu)> MeasureAsync(SearchStore search, IReadOnlyList<SearchQuery> queries, CancellationToken ct)
    {
        foreach (var q in queries.Take(10)) await RunQuery(search, q, ct); // warm-up
        var (wall, cpu) = (new List<double>(), new List<double>());
        for (var round = 0; round < 3; round++)
            foreach (var q in queries)
            {
                var (ms, cpuMs, _) = await TimeQuery(search, q, ct);
                wall.Add(ms);
                cpu.Add(cpuMs);
            }
        return (wall, cpu);
    }

    private static async Task<(double Wall, double Cpu, SearchPage Page)> TimeQuery(SearchStore search, SearchQuery q, CancellationToken ct)
    {
        var cpu = CpuClock.Milliseconds();
        var watch = Stopwatch.StartNew();
        var page = await RunQuery(search, q, ct);
        return (watch.Elapsed.TotalMilliseconds, CpuClock.Milliseconds() - cpu, page);
    }

    private static Task<SearchPage> RunQuery(SearchStore search, SearchQuery q, CancellationToken ct)
    {
        if (!SearchTerms.TryParse(q.Text, out var terms, out var error)) throw new InvalidOperationException(error);
        return search.SearchAsync(q, terms, ct);
    }

    private static void Report(string name, string figure, double ratio, double target, string? limit = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-13} {figure}; {(limit is null ? "" : limit + ", ")}ratio {ratio:F2} (target ≤ {target:F1}) {(ratio <= target ? "OK" : "MISSED")}"));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + $" on {Environment.ProcessorCount} cores" : "unknown";

    internal static string? FindFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
