using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

/// <summary>Ctrl+C on a terminal (SIGINT) and SIGTERM (docker stop, systemd, CI cancel) end a run cleanly: exit 130, work kept.</summary>
public sealed class SignalTests
{
    [FixtureTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Daily_Signal_Exit130SaysStoredNoStackTraceRowInterrupted(string signal)
    {
        // Given: a real `paperdigest daily` process against a slow LLM, a few summaries in
        await using var hf = await FakeHuggingFaceServer.StartAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        hf.SetDayFromFixture("2026-02-03", "hf_daily_papers/daily_papers_2026-02-03.json");
        llm.Latency = TimeSpan.FromMilliseconds(400);
        using var cli = new CliRunner();
        cli.UseFakes(hf, llm);
        cli.Env["PAPERDIGEST_LLM__CONCURRENCY"] = "2";
        using var child = ChildProcess.Start(cli.Dir, cli.Env, "daily", "--date", "2026-02-03", "--limit", "12");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (llm.Completions < 2 && DateTime.UtcNow < deadline && !child.HasExited) await Task.Delay(50);
        Assert.False(child.HasExited, "the run ended before the signal could be sent");

        // When
        await child.SignalAsync(signal);
        var result = await child.WaitAsync(TimeSpan.FromSeconds(30));

        // Then
        Assert.True(result.ExitCode == 130, $"exit {result.ExitCode}; stderr: {result.Error}");
        Assert.Contains("cancelled: stopped before the end; everything finished so far is stored and will be reused.", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Unhandled exception", result.Error);
        Assert.Equal("interrupted", await StoreQuery.ScalarAsync(cli.DbPath, "SELECT status FROM runs ORDER BY id DESC LIMIT 1"));
        Assert.False(File.Exists(cli.OutPath("daily/2026-02-03.brief.md")), "a cancelled run published a digest");
    }
}
