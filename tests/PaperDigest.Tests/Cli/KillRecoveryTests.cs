using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

/// <summary>A run killed with SIGKILL halfway loses nothing: the next run asks the LLM only for what was not stored.</summary>
public sealed class KillRecoveryTests
{
    [FixtureFact]
    public async Task Daily_KilledHalfway_NextRunReusesStoredSummaries()
    {
        // Given: a slow LLM and a real `paperdigest daily` process
        await using var hf = await FakeHuggingFaceServer.StartAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        hf.SetDayFromFixture("2026-02-03", "hf_daily_papers/daily_papers_2026-02-03.json");
        llm.Latency = TimeSpan.FromMilliseconds(300);
        using var cli = new CliRunner();
        cli.UseFakes(hf, llm);
        cli.Env["PAPERDIGEST_LLM__CONCURRENCY"] = "2";
        string[] args = ["daily", "--date", "2026-02-03", "--limit", "12"];

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = cli.Dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PaperDigest.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in cli.Env) start.Environment[k] = v;
        start.Environment["CI"] = "true";

        // When: killed with SIGKILL once a few summaries are stored
        Task<string> childError;
        using (var process = Process.Start(start)!)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await CountOkAsync(cli.DbPath) < 4 && DateTime.UtcNow < deadline && !process.HasExited) await Task.Delay(50);
            Assert.False(process.HasExited, "the run finished before it could be killed");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            childError = process.StandardError.ReadToEndAsync();
        }
        var stored = await CountOkAsync(cli.DbPath);
        var childLog = await childError;
        var before = llm.ChatRequests; // counted on arrival: the killed process sends nothing more
        var rerun = await cli.RunAsync(args);

        // Then
        Assert.Equal(0, rerun.ExitCode);
        Assert.True(stored is >= 4 and <= 11, $"{stored} summaries stored when killed; the child said: {childLog}");
        Assert.Equal(12 - stored, llm.ChatRequests - before);
        Assert.Equal("ok", await ScalarAsync(cli.DbPath, "PRAGMA integrity_check"));
        Assert.Equal(12, File.ReadAllText(cli.OutPath("daily/2026-02-03.brief.md")).Split("\n## [").Length - 1);
    }

    private static async Task<long> CountOkAsync(string db) =>
        File.Exists(db) ? Convert.ToInt64(await ScalarAsync(db, "SELECT count(*) FROM summaries WHERE status = 'ok'") ?? 0L) : 0;

    private static async Task<object?> ScalarAsync(string db, string sql)
    {
        try
        {
            await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync();
        }
        catch (SqliteException)
        {
            return 0L; // not created yet, or its schema not migrated yet
        }
    }
}
