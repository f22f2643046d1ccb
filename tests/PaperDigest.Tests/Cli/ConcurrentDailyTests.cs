using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

/// <summary>Two `daily` runs of one day on one store at the same time: each summary is asked of the LLM once.</summary>
public sealed class ConcurrentDailyTests : IAsyncLifetime
{
    private const string Day = "2026-02-03";
    private FakeHuggingFaceServer _hf = null!;
    private FakeLlmServer _llm = null!;
    private readonly CliRunner _first = new();
    private readonly CliRunner _second = new();

    public async Task InitializeAsync()
    {
        _hf = await FakeHuggingFaceServer.StartAsync();
        _llm = await FakeLlmServer.StartAsync();
        _llm.Latency = TimeSpan.FromMilliseconds(300);
        _first.UseFakes(_hf, _llm);
        _second.UseFakes(_hf, _llm);
        _second.Env["PAPERDIGEST_DB"] = _first.DbPath;
    }

    public async Task DisposeAsync()
    {
        await _hf.DisposeAsync();
        await _llm.DisposeAsync();
        _first.Dispose();
        _second.Dispose();
    }

    [FixtureFact]
    public async Task Daily_TwoRunsAtOnceOnOneStore_AskEachSummaryOnce()
    {
        // Given one day of papers and a slow LLM
        _hf.SetDayFromFixture(Day, "hf_daily_papers/daily_papers_2026-02-03.json");
        string[] args = ["daily", "--date", Day, "--style", "brief", "--limit", "4"];

        // When two runs start at once on the same database
        var runs = await Task.WhenAll(Task.Run(() => _first.RunAsync(args)), Task.Run(() => _second.RunAsync(args)));

        // Then both publish the day, and the four summaries were asked once each, not twice
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.Equal(4, _llm.ChatRequests);
        Assert.Equal(await File.ReadAllTextAsync(_first.OutPath($"daily/{Day}.brief.md")), await File.ReadAllTextAsync(_second.OutPath($"daily/{Day}.brief.md")));
    }
}
