using System.Text.Json.Nodes;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

/// <summary>`daily` end to end: the real CLI, a real SQLite file, the real HTTP clients against fake HF and LLM servers on 127.0.0.1.</summary>
public sealed class DailyCommandTests : DailyFakesTest
{
    private const string Day = "2026-02-03";
    private const string DayFixture = "hf_daily_papers/daily_papers_2026-02-03.json";

    [FixtureFact]
    public async Task Daily_FixtureDay_WritesBothStylesAndRerunAsksNothing()
    {
        // Given
        HfServer.SetDayFromFixture(Day, DayFixture);

        // When
        var first = await Cli.RunAsync("daily", "--date", Day, "--style", "brief", "--style", "keywords", "--limit", "6");
        var brief = await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.brief.md"));
        var requestsAfterFirst = LlmServer.ChatRequests;
        var second = await Cli.RunAsync("daily", "--date", Day, "--style", "brief", "--style", "keywords", "--limit", "6");

        // Then
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(12, requestsAfterFirst);
        Assert.StartsWith($"\n\n# Papers for {Day}\n\n## [Kimi K2.5: Visual Agentic Intelligence](https://arxiv.org/pdf/2602.02276)\nsummary:i) 论文总结 ", brief);
        Assert.Equal(6, brief.Split("\n## [").Length - 1);
        var keywords = await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.keywords.md"));
        Assert.Contains("## 0.[Kimi K2.5: Visual Agentic Intelligence](https://arxiv.org/pdf/2602.02276)\nsummary:**核心关键词**：**强化学习**，**智能体**  **一句话核心摘要**：", keywords);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(requestsAfterFirst, LlmServer.ChatRequests);
        Assert.Equal(brief, await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.brief.md")));
        Assert.Contains("12 summaries from the store", second.Out);
        Assert.Contains("LLM 0 requests", second.Out);
    }

    [FixtureFact]
    public async Task Daily_Json_HasPaperFieldsAndStatus()
    {
        // Given
        HfServer.SetDayFromFixture(Day, DayFixture);

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "3");

        // Then
        Assert.Equal(0, result.ExitCode);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.json")))!;
        var first = json["papers"]![0]!;
        Assert.Equal("2602.02276", first["id"]!.GetValue<string>());
        Assert.Equal("ok", first["status"]!.GetValue<string>());
        Assert.Equal("Abs", first["source"]!.GetValue<string>());
        Assert.Contains("Kimi Team", first["authors"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.NotNull(first["summaries"]!["brief"]!["main_results"]);
        Assert.Empty(first["unsupported_numbers"]!.AsArray());
        Assert.Equal(3, json["papers"]!.AsArray().Count);
    }

    [FixtureFact]
    public async Task Daily_NoDate_LooksBackToLatestDayWithPapers()
    {
        // Given: "today" is Thursday 2026-02-05; HF has nothing for the 5th and 4th
        HfServer.SetDayFromFixture(Day, DayFixture);
        Cli.Time = new FixedTimeProvider(new DateTimeOffset(2026, 2, 5, 8, 0, 0, TimeSpan.Zero));

        // When
        var result = await Cli.RunAsync("daily", "--limit", "2");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Cli.OutPath($"daily/{Day}.brief.md")));
        var asked = HfServer.Http.Requests.Select(r => r.PathAndQuery).Where(p => p.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/api/daily_papers?date=2026-02-05", "/api/daily_papers?date=2026-02-04", "/api/daily_papers?date=2026-02-03"], asked);
    }

    [FixtureFact]
    public async Task Daily_TruncatedJson_Exit1AndNoOutput()
    {
        // Given: the real response cut off halfway
        var body = Fixtures.Read(DayFixture);
        HfServer.SetDay(Day, body[..(body.Length / 2)]);

        // When
        var result = await Cli.RunAsync("daily", "--date", Day);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not valid JSON", result.Error);
        Assert.Contains("line", result.Error);
        Assert.False(Directory.Exists(Cli.OutPath("daily")));
    }

    [Fact]
    public async Task Daily_PersistentServerError_Exit1NamingTheStatus()
    {
        // Given
        HfServer.SetDay(Day, "{\"error\":\"boom\"}", status: 500);

        // When
        var result = await Cli.RunAsync("daily", "--date", Day);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HTTP 500", result.Error);
        Assert.Equal(3, HfServer.Http.Requests.Count); // one try and two retries
        Assert.False(Directory.Exists(Cli.OutPath("daily")));
    }

    [Fact]
    public async Task Daily_EmptyDay_Exit1SaysSo()
    {
        // When
        var result = await Cli.RunAsync("daily", "--date", "2026-02-07");

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no papers for 2026-02-07", result.Error);
    }

    [FixtureFact]
    public async Task Daily_RateLimitedOnce_RetriedAfterRetryAfter()
    {
        // Given
        HfServer.SetDayFromFixture(Day, DayFixture);
        Cli.Env["PAPERDIGEST_LLM__CONCURRENCY"] = "1";
        LlmServer.Enqueue(LlmFault.RateLimited);

        // When
        var started = DateTime.UtcNow;
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "1");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, LlmServer.ChatRequests);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the retry waited for Retry-After: 1");
    }

    [FixtureTheory]
    [InlineData(LlmFault.ServerError, "HTTP 500")]
    [InlineData(LlmFault.NotJson, "not valid JSON")]
    [InlineData(LlmFault.MissingField, "is missing")]
    [InlineData(LlmFault.WrongLanguage, "Chinese")]
    public async Task Daily_PersistentLlmFault_PaperFailedOthersPublishedExit3(LlmFault fault, string reason)
    {
        // Given: the first paper's requests all fail; the second paper is fine
        HfServer.SetDayFromFixture(Day, DayFixture);
        Cli.Env["PAPERDIGEST_LLM__CONCURRENCY"] = "1";
        LlmServer.Enqueue(fault, fault, fault);

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "2");

        // Then
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("failed: 2602.02276 (brief)", result.Error);
        Assert.Contains(reason, result.Error);
        var brief = await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.brief.md"));
        Assert.Contains("summary:⚠ 摘要生成失败：", brief);
        Assert.Contains("summary:i) 论文总结 针对《", brief);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.json")))!;
        Assert.Equal("failed", json["papers"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("ok", json["papers"]![1]!["status"]!.GetValue<string>());
        Assert.Contains("1 failed", result.Out);
    }

    [FixtureFact]
    public async Task Daily_KeyEchoedByProvider_RedactedEverywhere()
    {
        // Given: the provider answers 401 with the key in its message, for every request
        HfServer.SetDayFromFixture(Day, DayFixture);
        LlmServer.Always = LlmFault.EchoKey;
        const string key = "sk-test-SECRET-0123456789";

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "2");

        // Then: every paper failed, so nothing is published (exit 1), and the key is nowhere
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HTTP 401", result.Error);
        Assert.True(result.Error.Contains("Incorrect API key provided: ***", StringComparison.Ordinal), result.Error);
        Assert.DoesNotContain(key, result.Out + result.Error);
        await SecretScan.AssertNowhereUnderAsync(Cli.Dir, key);
        Assert.False(Directory.Exists(Cli.OutPath("daily")));
    }

    [FixtureFact]
    public async Task Daily_PaperKnownWithVersion_SummariesFoundAndRerunFree()
    {
        // Given: another command (track, paper, import) stored version 3 of the first paper before
        HfServer.SetDayFromFixture(Day, DayFixture);
        var store = new PaperDigest.Store.PaperStore(PaperDigest.Store.SqliteStore.Open(Cli.DbPath), TimeProvider.System);
        await store.UpsertAsync([new PaperDigest.Papers.Paper(new PaperDigest.Papers.ArxivId("2602.02276", 3), "Kimi K2.5", "abs", ["Kimi Team"], null, [])], CancellationToken.None);

        // When
        var first = await Cli.RunAsync("daily", "--date", Day, "--limit", "2");
        var requests = LlmServer.ChatRequests;
        var second = await Cli.RunAsync("daily", "--date", Day, "--limit", "2");

        // Then
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(2, requests);
        Assert.DoesNotContain("⚠", await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.brief.md")));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(requests, LlmServer.ChatRequests);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.json")))!;
        Assert.Equal("2602.02276v3", json["papers"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("ok", json["papers"]![0]!["status"]!.GetValue<string>());
    }

    [FixtureTheory]
    [InlineData(LlmFault.DuplicateKey)]
    [InlineData(LlmFault.NotJson)]
    [InlineData(LlmFault.MissingField)]
    [InlineData(LlmFault.WrongLanguage)]
    public async Task Daily_InvalidReplyOnce_RetriedAndOk(LlmFault fault)
    {
        // Given
        HfServer.SetDayFromFixture(Day, DayFixture);
        Cli.Env["PAPERDIGEST_LLM__CONCURRENCY"] = "1";
        LlmServer.Enqueue(fault);

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "1");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, LlmServer.ChatRequests);
        var retry = LlmServer.Http.Requests[1].Body;
        Assert.Contains("Your reply was not valid", retry);
    }

    [FixtureFact]
    public async Task Daily_ApiKey_NeverInOutputsLogsOrStore()
    {
        // Given: failures included, so error paths are covered too
        HfServer.SetDayFromFixture(Day, DayFixture);
        Cli.Env["PAPERDIGEST_LLM__CONCURRENCY"] = "1";
        LlmServer.Enqueue(LlmFault.ServerError, LlmFault.ServerError, LlmFault.ServerError, LlmFault.NotJson);
        const string key = "sk-test-SECRET-0123456789";

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "3", "--style", "brief", "--style", "keywords");

        // Then
        Assert.Equal(3, result.ExitCode);
        Assert.DoesNotContain(key, result.Out);
        Assert.DoesNotContain(key, result.Error);
        await SecretScan.AssertNowhereUnderAsync(Cli.Dir, key);
        Assert.Contains(LlmServer.Http.Requests, r => r.Headers.TryGetValue("Authorization", out var a) && a == "Bearer " + key);
    }

    [FixtureFact]
    public async Task Daily_Concurrency_BoundsRequestsInFlight()
    {
        // Given
        HfServer.SetDayFromFixture(Day, DayFixture);
        Cli.Env["PAPERDIGEST_LLM__CONCURRENCY"] = "3";
        LlmServer.Latency = TimeSpan.FromMilliseconds(150);

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "9");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, LlmServer.MaxInFlight);
    }

    [FixtureTheory]
    [InlineData("json_object")]
    [InlineData("none")]
    public async Task Daily_StructuredFallbacks_SchemaGoesInPrompt(string mode)
    {
        // Given
        HfServer.SetDayFromFixture(Day, DayFixture);
        Cli.Env["PAPERDIGEST_LLM__STRUCTURED"] = mode;

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "1");

        // Then
        Assert.Equal(0, result.ExitCode);
        var body = JsonNode.Parse(LlmServer.Http.Requests[0].Body)!;
        Assert.Contains("JSON schema of the reply", body["messages"]![1]!["content"]!.GetValue<string>());
        if (mode == "json_object") Assert.Equal("json_object", body["response_format"]!["type"]!.GetValue<string>());
        else Assert.Null(body["response_format"]);
    }

    [FixtureFact]
    public async Task Daily_JsonSchemaMode_SendsStrictSchema()
    {
        // Given
        HfServer.SetDayFromFixture(Day, DayFixture);

        // When
        await Cli.RunAsync("daily", "--date", Day, "--limit", "1", "--lang", "en");

        // Then
        var body = JsonNode.Parse(LlmServer.Http.Requests[0].Body)!;
        var format = body["response_format"]!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.True(format["json_schema"]!["strict"]!.GetValue<bool>());
        Assert.Equal("paper_brief", format["json_schema"]!["name"]!.GetValue<string>());
        Assert.Contains("in English", body["messages"]![0]!["content"]!.GetValue<string>());
    }

    [FixtureFact]
    public async Task Daily_NoLlmConfigured_OfflineSummariesLabelled()
    {
        // Given: no key and no base URL
        Cli.Env.Remove("OPENAI_BASE_URL");
        Cli.Env.Remove("OPENAI_API_KEY");
        HfServer.SetDayFromFixture(Day, DayFixture);

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--style", "keywords");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Single(result.Error.Split('\n'), l => l.Contains("no LLM configured", StringComparison.Ordinal));
        var md = await File.ReadAllTextAsync(Cli.OutPath($"daily/{Day}.keywords.md"));
        var summaries = md.Split('\n').Where(l => l.StartsWith("summary:", StringComparison.Ordinal)).ToList();
        Assert.Equal(44, summaries.Count);
        Assert.All(summaries, s => Assert.Contains("[离线摘录：未配置 LLM", s));
        Assert.Equal(0, LlmServer.ChatRequests);
    }

    [FixtureFact]
    public async Task Daily_InputFile_ReadsSavedResponseWithoutNetwork()
    {
        // When
        var result = await Cli.RunAsync("daily", "--input", Fixtures.Path_("hf_daily_papers/daily_papers_2026-07-21.json"), "--limit", "2", "--lang", "en");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(HfServer.Http.Requests, r => r.PathAndQuery.StartsWith("/api/", StringComparison.Ordinal));
        var md = await File.ReadAllTextAsync(Cli.OutPath("daily/2026-07-21.brief.en.md")); // en is not digest.lang (zh)
        Assert.Contains("summary:i) Summary: For ", md);
    }

    [FixtureFact]
    public async Task Daily_OutputCannotBeWritten_Exit1ClearMessageSummariesKept()
    {
        // Given: --out names a file, so no folder can be made there (as a full or read-only disk would refuse)
        HfServer.SetDayFromFixture(Day, DayFixture);
        var blocked = Path.Combine(Cli.Dir, "not-a-folder");
        await File.WriteAllTextAsync(blocked, "x");

        // When
        var result = await Cli.RunAsync("daily", "--date", Day, "--limit", "2", "--out", blocked);
        var rerun = await Cli.RunAsync("daily", "--date", Day, "--limit", "2");

        // Then: a plain message, no stack trace; the summaries were stored, so the rerun asks nothing
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: could not write", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(2, LlmServer.ChatRequests);
    }

    [Theory]
    [InlineData("--date", "2026-13-01", "--date")]
    [InlineData("--style", "poem", "--style")]
    [InlineData("--lang", "fr", "--lang")]
    [InlineData("--limit", "0", "--limit")]
    public async Task Daily_BadFlag_Exit2NamingTheFlag(string flag, string value, string named)
    {
        // When
        var result = await Cli.RunAsync("daily", flag, value);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Error);
    }
}
