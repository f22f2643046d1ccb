using System.Diagnostics;
using PaperDigest.Import;
using PaperDigest.Store;
namespace PaperDigest.Bench;
internal sealed class Prof3Benchmark : IBenchmark
{
    public string Name => "prof3";
    public string Description => "tmp";
    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        for (int round = 0; round < 3; round++)
        {
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime; var w = Stopwatch.StartNew();
            var rows = new List<ImportRow>();
            await foreach (var l in ArxivJsonlReader.ReadAsync(args[0], ct)) if (l.Paper is { } p) rows.Add(ImportRow.From(p));
            Console.WriteLine($"read {rows.Count}: cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:F2} wall {w.Elapsed.TotalSeconds:F2}");
            var db = "/tmp/imp/prof3.db";
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
            var store = SqliteStore.Open(db);
            await using var writer = await new ImportStore(store, TimeProvider.System).OpenWriterAsync(ct);
            cpu0 = Process.GetCurrentProcess().TotalProcessorTime; w.Restart();
            foreach (var chunk in rows.Chunk(5000)) await writer.WriteAsync(chunk, ct);
            Console.WriteLine($"write: cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:F2} wall {w.Elapsed.TotalSeconds:F2}");
            cpu0 = Process.GetCurrentProcess().TotalProcessorTime; w.Restart();
            await writer.IndexPendingAsync(null, ct);
            Console.WriteLine($"index: cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:F2} wall {w.Elapsed.TotalSeconds:F2}");
        }
        return 0;
    }
}
