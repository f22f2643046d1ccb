using System.Diagnostics;
using PaperDigest.Import;
using PaperDigest.Store;
namespace PaperDigest.Bench;
internal sealed class ProfBenchmark : IBenchmark
{
    public string Name => "prof";
    public string Description => "tmp";
    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var input = args[0];
        for (int round = 0; round < int.Parse(args[1]); round++)
        {
            var db = "/tmp/imp/prof.db";
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
            var store = SqliteStore.Open(db);
            var w = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            double firstIndex = 0, lastWrite = 0;
            var progress = new Sync(p => { if (p.Indexed is null) lastWrite = w.Elapsed.TotalSeconds; else if (firstIndex == 0 && p.Imported > 0) firstIndex = w.Elapsed.TotalSeconds; });
            var r = await new ArxivImporter(new ImportStore(store, TimeProvider.System), TimeProvider.System).ImportAsync(input, _ => { }, progress, ct);
            var total = w.Elapsed.TotalSeconds;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var bytes = new FileInfo(db).Length + (File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length : 0);
            Console.WriteLine($"import {r.Imported} indexed {r.Indexed} total {total:F2} lastwrite {lastWrite:F2} cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:F2} bytes/paper {bytes / r.Imported} load {File.ReadAllText("/proc/loadavg")[..14]}");
        }
        return 0;
    }
    private sealed class Sync(Action<ImportProgress> a) : IProgress<ImportProgress> { public void Report(ImportProgress p) => a(p); }
}
