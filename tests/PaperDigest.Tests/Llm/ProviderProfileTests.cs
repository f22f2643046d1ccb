using Microsoft.Data.Sqlite;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Llm;

/// <summary>
/// `daily` against each provider as it really answers, with nothing set but key, base URL and model: the first run learns
/// what the provider refuses and ends ok; the second (another language, so new requests) sends no rejected request.
/// </summary>
public sealed class ProviderProfileTests : DailyFakesTest
{
    private const string Day = "2026-02-03";
    private const string DayFixture = "hf_daily_papers/daily_papers_2026-02-03.json";
    protected override Task StartedAsync()
    {
        HfServer.SetDayFromFixture(Day, DayFixture);
        return Task.CompletedTask;
    }

    [FixtureTheory]
    [InlineData(LlmProfile.OpenAi, false)]
    [InlineData(LlmProfile.DeepSeek, false)]
    [InlineData(LlmProfile.DashScope, false)]
    [InlineData(LlmProfile.DashScope, true)]
    [InlineData(LlmProfile.ThinkBlock, false)]
    [InlineData(LlmProfile.OldServer, false)]
    [InlineData(LlmProfile.OpenAi, true)]
    public async Task Daily_ProviderProfile_EndsOkAndSecondRunSendsNoRejectedRequest(LlmProfile profile, bool stream)
    {
        // Given: the provider's behaviour, and no setting but the three variables (and llm.stream for the streamed cases)
        LlmServer.Profile = profile;
        if (stream) Cli.Env["PAPERDIGEST_LLM__STREAM"] = "true";

        // When: a first run, then a second one in the other language
        var first = await Cli.RunAsync("daily", "--date", Day, "--limit", "2");
        var rejectedFirst = LlmServer.Rejected;
        var second = await Cli.RunAsync("daily", "--date", Day, "--limit", "2", "--lang", "en");

        // Then
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(rejectedFirst, LlmServer.Rejected);
        Assert.DoesNotContain("<think>", File.ReadAllText(Cli.OutPath($"daily/{Day}.json")));
        if (profile is LlmProfile.OpenAi) Assert.Equal(0, rejectedFirst);
        else if (!stream && profile != LlmProfile.ThinkBlock) Assert.Contains("remembered for the next runs", first.Error);
    }

    [FixtureFact]
    public async Task Daily_DeepSeek_StepsDownToJsonObjectOnceAndRemembersIt()
    {
        // Given
        LlmServer.Profile = LlmProfile.DeepSeek;

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "1");

        // Then: said once, json_object remembered, the word JSON in the prompt, cached tokens in the closing line
        Assert.Equal(0, result.ExitCode);
        Assert.Single(result.Error.Split('\n'), l => l.Contains("remembered for the next runs", StringComparison.Ordinal));
        Assert.Equal("json_object", Scalar("SELECT structured FROM llm_endpoint_modes"));
        Assert.Contains("cached)", result.Out);
        var last = LlmServer.Http.Requests.Last(r => r.PathAndQuery.EndsWith("/chat/completions", StringComparison.Ordinal));
        Assert.Contains("\"json_object\"", last.Body);
        Assert.Contains("JSON", last.Body);
    }

    [FixtureFact]
    public async Task Daily_Prices_CostInClosingLineAndRunsTable()
    {
        // Given: prices per million tokens
        File.WriteAllText(Path.Combine(Cli.Dir, "paperdigest.yml"), "llm:\n  prices: {input: 1.0, cached_input: 0.5, output: 2.0}\n  extra_body: {top_k: 20, chat_template_kwargs: {enable_thinking: false}}\n");

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "1");

        // Then: 120 in (32 cached) and 80 out per request
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(", cost ", result.Out);
        var cost = Convert.ToDouble(Scalar("SELECT cost FROM runs WHERE command = 'daily'"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(cost > 0);
        Assert.Contains("\"top_k\":20", LlmServer.Http.Requests.Last().Body);
        Assert.Contains("\"chat_template_kwargs\":{\"enable_thinking\":false}", LlmServer.Http.Requests.Last().Body);
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Cli.DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
