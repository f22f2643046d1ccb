using System.Diagnostics;
using Microsoft.Data.Sqlite;
namespace PaperDigest.Bench;
internal sealed class Prof2Benchmark : IBenchmark
{
    public string Name => "prof2";
    public string Description => "tmp";
    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        await Task.Yield();
        using var c = new SqliteConnection("Data Source=/tmp/imp/prof.db");
        c.Open();
        Exec(c, "PRAGMA cache_size=-65536");
        foreach (var sql in args)
        {
            using var tx = c.BeginTransaction();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime; var w = Stopwatch.StartNew();
            foreach (var part in sql.Split(";;")) Exec(c, part, tx);
            Console.WriteLine($"{(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} cpu {w.Elapsed.TotalSeconds:F2} wall  {sql[..Math.Min(100, sql.Length)]}");
            if (Environment.GetEnvironmentVariable("COMMIT") == "1") tx.Commit(); else tx.Rollback();
        }
        return 0;
    }
    private static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null) { using var cmd = c.CreateCommand(); cmd.Transaction = tx; cmd.CommandText = sql; using var r = cmd.ExecuteReader(); while (r.Read()) { } }
}
