using System.Diagnostics;
using AngleSharp.Html.Parser;
using PaperDigest.Reading;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Bench;

/// <summary>
/// Reading arXiv HTML: time per page for <see cref="ArxivHtmlReader"/> on the real 700 KB page against AngleSharp's bare
/// parse of the same text (target: at most 1.5×), and the memory used while reading a synthetic 10 MB page.
/// Usage: reading [iterations] (default 30).
/// </summary>
internal sealed class ReadingBenchmark : IBenchmark
{
    private const string Page = "arxiv_html/arxiv_html_2501.11120v1.html";
    private const double TargetRatio = 1.5;

    public string Name => "reading";

    public string Description => "ArxivHtmlReader vs bare AngleSharp parse on the 700 KB page; memory on a 10 MB page";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var iterations = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 30;
        if (!Fixtures.Available)
        {
            Console.Error.WriteLine("../shared/fixtures is not beside this checkout; set PAPERDIGEST_SHARED.");
            return Task.FromResult(2);
        }
        var html = Fixtures.Read(Page);
        Console.WriteLine($"page: {Page} ({html.Length / 1024.0:0} K chars), {iterations} iterations after warm-up");

        // Parse and read alternate, so noise from other processes hits both alike.
        var (parse, read) = MeasurePair(iterations, () => new HtmlParser().ParseDocument(html).Dispose(), () => ArxivHtmlReader.Read(html), cancellationToken);
        var (parseCpu, readCpu) = MeasureCpu(iterations, () => new HtmlParser().ParseDocument(html).Dispose(), () => ArxivHtmlReader.Read(html), cancellationToken);
        using var parsed = new HtmlParser().ParseDocument(html);
        var walk = Measure(iterations, () => ArxivHtmlReader.Read(parsed), cancellationToken);
        var render = Measure(iterations, () => ArxivTextRenderer.Render(ArxivHtmlReader.Read(html).Value!), cancellationToken);
        var budget = Measure(iterations, () => ArxivTextRenderer.Render(ContextBudget.Fit(ArxivHtmlReader.Read(html).Value!)), cancellationToken);
        // The verdict uses CPU time: on a shared machine wall-clock medians swing with other processes' load.
        var ratio = readCpu / parseCpu;
        Console.WriteLine($"AngleSharp bare parse        median {parse.Median,8:0.00} ms   min {parse.Min,8:0.00} ms");
        Console.WriteLine($"ArxivHtmlReader.Read         median {read.Median,8:0.00} ms   min {read.Min,8:0.00} ms");
        Console.WriteLine($"  walk of a parsed page      median {walk.Median,8:0.00} ms   min {walk.Min,8:0.00} ms");
        Console.WriteLine($"  read + render to text      median {render.Median,8:0.00} ms");
        Console.WriteLine($"  read + fit 24k + render    median {budget.Median,8:0.00} ms");
        Console.WriteLine($"CPU time per page (best of 3 blocks of {iterations}): parse {parseCpu:0.00} ms, read {readCpu:0.00} ms");
        Console.WriteLine($"ratio read / parse: {ratio:0.00}x by CPU time (target <= {TargetRatio:0.0}x) {(ratio <= TargetRatio ? "OK" : "OVER")}; wall time {read.Min / parse.Min:0.00}x by min, {read.Median / parse.Median:0.00}x by median");

        var big = SyntheticArxivPage.MostlyTables(10 * 1024 * 1024);
        var sections = 0;
        var bareMemory = MeasureMemory(() => new HtmlParser().ParseDocument(big).Dispose());
        var readMemory = MeasureMemory(() => sections = ArxivHtmlReader.Read(big).Value!.Sections.Count);
        Console.WriteLine($"synthetic page: {big.Length / (1024.0 * 1024):0.0} M chars ({big.Length * 2 / (1024.0 * 1024):0} MB as a string), mostly tables, {sections} sections");
        Console.WriteLine($"  bare parse:  {bareMemory.Ms,6:0} ms, peak managed heap +{bareMemory.Managed / (1024.0 * 1024):0} MB, peak working set +{bareMemory.WorkingSet / (1024.0 * 1024):0} MB");
        Console.WriteLine($"  read:        {readMemory.Ms,6:0} ms, peak managed heap +{readMemory.Managed / (1024.0 * 1024):0} MB, peak working set +{readMemory.WorkingSet / (1024.0 * 1024):0} MB (over the bare parse's peak)");
        return Task.FromResult(ratio <= TargetRatio ? 0 : 1);
    }

    /// <summary>Wall time per run of two actions, in alternating blocks of five runs, so noise from other processes hits both alike.</summary>
    private static ((double Median, double Min) First, (double Median, double Min) Second) MeasurePair(int iterations, Action first, Action second, CancellationToken cancellationToken)
    {
        WarmUp(first);
        WarmUp(second);
        var a = new List<double>(iterations);
        var b = new List<double>(iterations);
        while (a.Count < iterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < 5; i++) a.Add(Time(first));
            for (var i = 0; i < 5; i++) b.Add(Time(second));
        }
        return (Summary([.. a]), Summary([.. b]));
    }

    /// <summary>CPU time per run (the process's, so it includes the GC), best of three alternating blocks: steadier than wall time on a busy machine.</summary>
    private static (double First, double Second) MeasureCpu(int iterations, Action first, Action second, CancellationToken cancellationToken)
    {
        double a = double.MaxValue, b = double.MaxValue;
        for (var block = 0; block < 3; block++)
        {
            a = Math.Min(a, CpuPerRun(iterations, first, cancellationToken));
            b = Math.Min(b, CpuPerRun(iterations, second, cancellationToken));
        }
        return (a, b);
    }

    private static double CpuPerRun(int iterations, Action action, CancellationToken cancellationToken)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var start = process.TotalProcessorTime;
        for (var i = 0; i < iterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            action();
        }
        process.Refresh();
        return (process.TotalProcessorTime - start).TotalMilliseconds / iterations;
    }

    private static (double Median, double Min) Measure(int iterations, Action action, CancellationToken cancellationToken)
    {
        WarmUp(action);
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            times[i] = Time(action);
        }
        return Summary(times);
    }

    /// <summary>Runs until the JIT has had time to compile the hot methods at full optimisation (tiering runs in the background).</summary>
    private static void WarmUp(Action action)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20 || clock.ElapsedMilliseconds < 1500; i++)
        {
            action();
            if (i % 5 == 4) Thread.Sleep(50);
        }
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static (double Median, double Min) Summary(double[] times)
    {
        Array.Sort(times);
        return (times[times.Length / 2], times[0]);
    }
    /// <summary>Peak managed heap (sampled every millisecond, and the GC's own record) above the heap before the run, and the growth of the process's peak working set.</summary>
    private static (long Managed, long WorkingSet, double Ms) MeasureMemory(Action action)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingStart = process.PeakWorkingSet64;
        var heapStart = GC.GetTotalMemory(forceFullCollection: true);
        var peak = heapStart;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.IsSet)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        sampler.Start();
        var clock = Stopwatch.StartNew();
        action();
        var ms = clock.Elapsed.TotalMilliseconds;
        done.Set();
        sampler.Join();
        process.Refresh();
        return (peak - heapStart, process.PeakWorkingSet64 - workingStart, ms);
    }
}
