using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

/// <summary>`daily` against an LLM endpoint that is not there, too slow, or refuses: each says so in words a user can act on.</summary>
public sealed class DailyLlmEndpointTests : DailyFakesTest
{
    private const string Day = "2026-02-03";
    private const string DayFixture = "hf_daily_papers/daily_papers_2026-02-03.json";
    protected override Task StartedAsync()
    {
        HfServer.SetDayFromFixture(Day, DayFixture);
        return Task.CompletedTask;
    }

    [FixtureFact]
    public async Task Daily_LlmPortClosed_SaysCouldNotConnectAndNamesVariable()
    {
        // Given: OPENAI_BASE_URL points at a port nothing listens on
        var url = ClosedPort.BaseUrl();
        Cli.Env["OPENAI_BASE_URL"] = url.ToString();

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "1");

        // Then: not "answered HTTP 0"
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"could not connect to {url}: connection refused; check OPENAI_BASE_URL", result.Error);
        Assert.DoesNotContain("HTTP 0", result.Error);
    }

    [FixtureFact]
    public async Task Daily_LlmSlowerThanTimeout_SaysSoNamingTheSetting()
    {
        // Given: the LLM answers after 5 s; llm.timeout_seconds is 1
        LlmServer.Latency = TimeSpan.FromSeconds(5);
        Cli.Env["PAPERDIGEST_LLM__TIMEOUT_SECONDS"] = "1";
        Cli.Env["PAPERDIGEST_LLM__HTTP_RETRIES"] = "0";

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "1");

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the LLM did not answer within 1 s (llm.timeout_seconds)", result.Error);
    }

    [FixtureFact]
    public async Task Daily_ModelRefusesOnePaper_ThatPaperFailedOthersPublishedExit3()
    {
        // Given
        Cli.Env["PAPERDIGEST_LLM__CONCURRENCY"] = "1";
        LlmServer.Enqueue(LlmFault.Refusal);

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "2");

        // Then: a refusal is that paper's failure, asked once
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("failed: 2602.02276 (brief)", result.Error);
        Assert.Contains("the model refused: I can't help with that request.", result.Error);
        Assert.Equal(2, LlmServer.ChatRequests);
    }
}
