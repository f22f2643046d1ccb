using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PaperDigest.Store;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

/// <summary>`track` end to end: the real CLI and SQLite file, against fake arXiv, Hugging Face paper API and LLM servers.</summary>
public sealed class TrackCommandTests : IAsyncLifetime
{
    private const string Yaml =
        """
        tracker:
          max_per_topic: 3
          topics:
            - name: 多模态
              terms: ["multimodal"]
              categories: [cs.CV]
            - name: Agents
              title_terms: [agentic]
              exclude: ["survey"]
        """;

    private static readonly DateTimeOffset Day1 = new(2026, 9, 24, 6, 0, 0, TimeSpan.Zero);
    private FakeArxivTopics _arxiv = null!;
    private FakeHttpServer _hf = null!;
    private FakeLlmServer _llm = null!;
    private readonly Dictionary<string, string> _hfRepos = new(StringComparer.Ordinal);
    private readonly CliRunner _cli = new();

    public async Task InitializeAsync()
    {
        _arxiv = await FakeArxivTopics.StartAsync();
        _llm = await FakeLlmServer.StartAsync();
        _hf = await FakeHttpServer.StartAsync(async ctx =>
        {
            var id = ctx.Request.Path.Value!.Replace("/api/papers/", "", StringComparison.Ordinal);
            if (!_hfRepos.TryGetValue(id, out var repo))
            {
                ctx.Response.StatusCode = 404;
                await ctx.Response.WriteAsync("{\"error\":\"Paper not found\"}");
                return;
            }
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync($$"""{"id":"{{id}}","title":"x","githubRepo":"{{repo}}","githubStars":42}""");
        });
        _cli.Time = new FixedTimeProvider(Day1);
        _cli.Env["ARXIV_API_URL"] = _arxiv.ApiUrl.ToString();
        _cli.Env["PAPERDIGEST_ARXIV__MIN_INTERVAL_SECONDS"] = "0.001";
        _cli.Env["PAPERDIGEST_ARXIV__RETRY_DELAY_MS"] = "10";
        _cli.Env["HF_ENDPOINT"] = _hf.BaseAddress.ToString();
        _cli.Env["PAPERDIGEST_HUGGINGFACE__RETRIES"] = "0";
        await File.WriteAllTextAsync(Path.Combine(_cli.Dir, "paperdigest.yml"), Yaml);
    }

    public async Task DisposeAsync()
    {
        await _arxiv.DisposeAsync();
        await _hf.DisposeAsync();
        await _llm.DisposeAsync();
        _cli.Dispose();
    }

    private static FakePaper Paper(string id, string title = "A multimodal model", string? code = null, string published = "2026-09-20T10:00:00Z") =>
        new(id, title, $"We propose {title} for paper {id}." + (code is null ? "" : $" Code: {code}"), published);

    private string Readme => File.ReadAllText(Path.Combine(_cli.Dir, "README.md"));

    private JsonNode PapersJson => JsonNode.Parse(File.ReadAllText(Path.Combine(_cli.Dir, "docs", "papers.json")))!;

    private List<string> Ids(string topic) => PapersJson["topics"]![topic]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Track_TwoRuns_HistoryMergedNewestFirstCappedAndSharedPaperUnderBothTopics()
    {
        // Given: day 1 finds three multimodal papers, one of them also agentic
        _arxiv.Set("multimodal", Paper("2609.00003", published: "2026-09-22T10:00:00Z"), Paper("2609.00002"), Paper("2609.00001"));
        _arxiv.Set("agentic", Paper("2609.00002"), Paper("2609.00010", "An agentic planner"));

        // When: day 1, then day 2 when arXiv answers only two newer multimodal papers
        var first = await _cli.RunAsync("track");
        _arxiv.Set("multimodal", Paper("2609.00005"), Paper("2609.00004"));
        _cli.Time = new FixedTimeProvider(Day1.AddDays(1));
        var second = await _cli.RunAsync("track");

        // Then
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("topic 多模态: 3 papers, 3 new", first.Error);
        Assert.Contains("topic Agents: 2 papers, 2 new", first.Error);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("topic 多模态: 2 papers, 2 new", second.Error);
        Assert.Contains("topic Agents: 2 papers, 0 new", second.Error);
        Assert.StartsWith("Done tracker 2026-09-25: 2 topics (0 failed)", second.Out);
        Assert.Equal(["2609.00005", "2609.00004", "2609.00003"], Ids("多模态"));
        Assert.Equal(["2609.00010", "2609.00002"], Ids("Agents"));
        Assert.Contains("## Updated on 2026.09.25\n", Readme);
        Assert.Contains("|**2026-09-22**|[A multimodal model](http://arxiv.org/abs/2609.00003)|null|We propose A multimodal model for paper 2609.00003.|", Readme);
        Assert.Equal(Readme, File.ReadAllText(Path.Combine(_cli.Dir, "docs", "index.md")));
        var agents = Readme.IndexOf("## Agents", StringComparison.Ordinal);
        Assert.True(agents > Readme.IndexOf("## 多模态", StringComparison.Ordinal));
        Assert.Contains("(http://arxiv.org/abs/2609.00002)", Readme[agents..]);
    }

    [Fact]
    public async Task Track_Rerun_TranslationsCachedAndOnlyUpdatedLineChanges()
    {
        // Given: an LLM, Chinese abstracts, two papers
        _cli.UseFakes(null, _llm);
        _arxiv.Set("multimodal", Paper("2609.00002"), Paper("2609.00001"));
        _arxiv.Set("agentic", Paper("2609.00002"));

        // When: the same data on two different days
        var first = await _cli.RunAsync("track");
        var readme1 = Readme;
        var json1 = File.ReadAllText(Path.Combine(_cli.Dir, "docs", "papers.json"));
        var requests = _llm.ChatRequests;
        _cli.Time = new FixedTimeProvider(Day1.AddDays(3));
        var second = await _cli.RunAsync("track");

        // Then: two translations (one per paper, not per topic), none the second time
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(2, requests);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(requests, _llm.ChatRequests);
        Assert.Contains("2 from the store", second.Out);
        Assert.Contains("本文的translation部分用中文说明", readme1);
        var row = PapersJson["topics"]!["多模态"]![0]!;
        Assert.Equal("We propose A multimodal model for paper 2609.00002.", row["abstract_original"]!.GetValue<string>());
        Assert.Equal(readme1.Replace("## Updated on 2026.09.24", "## Updated on 2026.09.27", StringComparison.Ordinal), Readme);
        var json2 = File.ReadAllText(Path.Combine(_cli.Dir, "docs", "papers.json"));
        Assert.Equal(json1.Replace("\"updated_on\": \"2026-09-24\"", "\"updated_on\": \"2026-09-27\"", StringComparison.Ordinal), json2);
    }

    [Fact]
    public async Task Track_StoreLost_CarriesOnFromTheCommittedPapersJsonWithoutPayingAgain()
    {
        // Given: a first run with an LLM found and translated two papers; then the store is lost (an evicted CI cache)
        _cli.UseFakes(null, _llm);
        _arxiv.Set("multimodal", Paper("2609.00002"), Paper("2609.00001"));
        await _cli.RunAsync("track");
        var readme1 = Readme;
        var requests = _llm.ChatRequests;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the CLI runs in this process: a pooled connection would keep the deleted file
        foreach (var file in Directory.GetFiles(_cli.Dir, "paperdigest.db*")) File.Delete(file);

        // When: the next day's arXiv answer no longer has the older paper
        _arxiv.Set("multimodal", Paper("2609.00002"));
        _cli.Time = new FixedTimeProvider(Day1.AddDays(1));
        var second = await _cli.RunAsync("track");

        // Then: the history and translations came back from docs/papers.json: the same page, no translation paid twice
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("seeded: the store had no tracker history", second.Error);
        Assert.Contains("2 papers, 2 topic rows, 2 translations", second.Error);
        Assert.Equal(requests, _llm.ChatRequests);
        Assert.Equal(readme1.Replace("## Updated on 2026.09.24", "## Updated on 2026.09.25", StringComparison.Ordinal), Readme);
    }

    [Fact]
    public async Task Track_Translations_FoundByAChineseSearch()
    {
        // Given: a tracked paper whose abstract is English and whose stored translation is Chinese
        _cli.UseFakes(null, _llm);
        _arxiv.Set("multimodal", Paper("2609.00001"));
        await _cli.RunAsync("track");

        // When: searching for words only the translation has
        var result = await _cli.RunAsync("search", "中文说明");

        // Then: the paper is found
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2609.00001", result.Out);
    }

    [Fact]
    public async Task Track_NoStoreAndABrokenPapersJson_StopsNamingTheFileAndLineAndKeepsIt()
    {
        // Given: no store, and a docs/papers.json cut off mid-way (a bad merge)
        Directory.CreateDirectory(Path.Combine(_cli.Dir, "docs"));
        var path = Path.Combine(_cli.Dir, "docs", "papers.json");
        const string broken = "{\n  \"updated_on\": \"2026-09-23\",\n  \"topics\": {\n    \"Agents\": [ {\"id\": \"2609.00001\",\n";
        await File.WriteAllTextAsync(path, broken);
        _arxiv.Set("multimodal", Paper("2609.00001"));

        // When
        var result = await _cli.RunAsync("track");

        // Then: nothing is written over the page, and the message says what to do
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("papers.json: line 5: not valid JSON", result.Error);
        Assert.Contains("move it away to start a fresh history", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(broken, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Track_LlmGoneOnRerun_StoredTranslationsStillShown()
    {
        // Given: a first run with an LLM
        _cli.UseFakes(null, _llm);
        _arxiv.Set("multimodal", Paper("2609.00001"));
        await _cli.RunAsync("track");
        var readme1 = Readme;

        // When: the next day's run has no LLM (e.g. a CI secret went missing)
        _cli.Env.Remove("OPENAI_API_KEY");
        _cli.Env.Remove("OPENAI_BASE_URL");
        _cli.Time = new FixedTimeProvider(Day1.AddDays(1));
        var second = await _cli.RunAsync("track");

        // Then: the page keeps its translations; only the Updated line changed
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("本文的translation部分用中文说明", Readme);
        Assert.Equal(readme1.Replace("## Updated on 2026.09.24", "## Updated on 2026.09.25", StringComparison.Ordinal), Readme);
    }

    [Fact]
    public async Task Track_NoLlm_OriginalAbstractAndANote()
    {
        // Given: no LLM configured
        _arxiv.Set("multimodal", Paper("2609.00001"));

        // When
        var result = await _cli.RunAsync("track");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no LLM configured", result.Error);
        Assert.Contains("|We propose A multimodal model for paper 2609.00001.|", Readme);
        Assert.Null(PapersJson["topics"]!["多模态"]![0]!["abstract_original"]);
        Assert.Equal(0, _llm.ChatRequests);
    }

    [Fact]
    public async Task Track_TranslationFails_OriginalShownPaperNamedExit3()
    {
        // Given: an LLM that always answers in the wrong language
        _cli.UseFakes(null, _llm);
        _llm.Always = LlmFault.WrongLanguage;
        _arxiv.Set("multimodal", Paper("2609.00001"));

        // When
        var result = await _cli.RunAsync("track");

        // Then: llm.invalid_reply_retries (2) re-asks, as for summaries; then the original abstract, the paper named
        Assert.Equal(3, result.ExitCode);
        Assert.Equal(3, _llm.ChatRequests);
        Assert.Contains("failed: 2609.00001v1 A multimodal model: translation:", result.Error);
        Assert.Contains("|We propose A multimodal model for paper 2609.00001.|", Readme);
    }

    [Fact]
    public async Task Track_CodeLinks_HuggingFaceFirstThenAbstractAndWeeklyRecheck()
    {
        // Given: HF knows a repo for 01 (whose abstract names another); 02 has a link in its abstract; 03 has none
        _hfRepos["2609.00001"] = "https://github.com/hf/known-repo";
        _arxiv.Set("multimodal",
            Paper("2609.00003"),
            Paper("2609.00002", code: "https://github.com/abs/linked"),
            Paper("2609.00001", code: "https://github.com/abs/other"));

        // When: day 1, day 3 (within a week), day 9 (after a week)
        await _cli.RunAsync("track");
        var askedDay1 = HfAsked();
        _cli.Time = new FixedTimeProvider(Day1.AddDays(2));
        await _cli.RunAsync("track");
        var askedDay3 = HfAsked();
        _hfRepos["2609.00003"] = "https://github.com/hf/late-repo";
        _cli.Time = new FixedTimeProvider(Day1.AddDays(8));
        await _cli.RunAsync("track");
        var askedDay9 = HfAsked();

        // Then
        Assert.Equal(["2609.00001", "2609.00002", "2609.00003"], askedDay1.Order());
        Assert.Empty(askedDay3);
        Assert.Equal(["2609.00003"], askedDay9);
        var rows = PapersJson["topics"]!["多模态"]!.AsArray();
        Assert.Equal("https://github.com/hf/late-repo", rows[0]!["code_url"]!.GetValue<string>());
        Assert.Equal("https://github.com/abs/linked", rows[1]!["code_url"]!.GetValue<string>());
        Assert.Equal("https://github.com/hf/known-repo", rows[2]!["code_url"]!.GetValue<string>());
        Assert.Contains("|**[link](https://github.com/hf/known-repo)**|", Readme);
    }

    [Fact]
    public async Task Track_GithubToken_StarsAskedOfGitHubWhenHuggingFaceHasNoneAndTokenNeverShown()
    {
        // Given: a token and a fake GitHub API; HF knows 01's repo (42 stars), 02 links a repo only in its abstract
        const string token = "ghp_track-TOKEN-0123456789";
        await using var github = await FakeHttpServer.StartAsync(ctx =>
            FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.OK, """{"full_name":"abs/linked","stargazers_count":321}""", "application/json"));
        _cli.Env["GITHUB_TOKEN"] = token;
        _cli.Env["PAPERDIGEST_GITHUB__API_URL"] = github.BaseAddress.ToString();
        _hfRepos["2609.00001"] = "https://github.com/hf/known-repo";
        _arxiv.Set("multimodal", Paper("2609.00002", code: "https://github.com/abs/linked"), Paper("2609.00001"));

        // When
        var result = await _cli.RunAsync("track");

        // Then: GitHub asked once, for 02 only, with the token; both star counts stored and in papers.json
        Assert.Equal(0, result.ExitCode);
        var request = Assert.Single(github.Requests);
        Assert.Equal("/repos/abs/linked", request.PathAndQuery);
        Assert.Equal("Bearer " + token, request.Headers["Authorization"]);
        var papers = new PaperStore(SqliteStore.Open(_cli.DbPath), TimeProvider.System);
        Assert.Equal(321, (await papers.FindAsync("2609.00002", CancellationToken.None))!.GithubStars);
        Assert.Equal(42, (await papers.FindAsync("2609.00001", CancellationToken.None))!.GithubStars);
        var rows = PapersJson["topics"]!["多模态"]!.AsArray();
        Assert.Equal(321, rows[0]!["stars"]!.GetValue<int>());
        Assert.Equal(42, rows[1]!["stars"]!.GetValue<int>());
        Assert.DoesNotContain(token, result.Out + result.Error);
        await SecretScan.AssertNowhereUnderAsync(_cli.Dir, token);
    }

    [Fact]
    public async Task Track_NoGithubToken_GitHubNotAsked()
    {
        // Given: a fake GitHub API but no token; a paper linking a repo in its abstract
        await using var github = await FakeHttpServer.StartAsync(ctx =>
            FakeArxivFeed.WriteAsync(ctx, HttpStatusCode.OK, """{"stargazers_count":321}""", "application/json"));
        _cli.Env["PAPERDIGEST_GITHUB__API_URL"] = github.BaseAddress.ToString();
        _arxiv.Set("multimodal", Paper("2609.00002", code: "https://github.com/abs/linked"));

        // When
        var result = await _cli.RunAsync("track");

        // Then: the link is stored, its stars stay unknown
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(github.Requests);
        var row = PapersJson["topics"]!["多模态"]![0]!;
        Assert.Equal("https://github.com/abs/linked", row["code_url"]!.GetValue<string>());
        Assert.Null(row["stars"]);
    }

    private int _hfSeen;

    private List<string> HfAsked()
    {
        var all = _hf.Requests.Select(r => r.PathAndQuery.Replace("/api/papers/", "", StringComparison.Ordinal)).ToList();
        var fresh = all.Skip(_hfSeen).ToList();
        _hfSeen = all.Count;
        return fresh;
    }

    [Fact]
    public async Task Track_ArxivRejectsOneTopic_NamesTopicAndQueryExit3()
    {
        // Given: arXiv answers 400 with its error feed for one topic
        _arxiv.SetRaw("multimodal", HttpStatusCode.BadRequest, ErrorFeed);
        _arxiv.Set("agentic", Paper("2609.00010", "An agentic planner"));

        // When
        var result = await _cli.RunAsync("track");

        // Then
        Assert.Equal(3, result.ExitCode);
        Assert.True(result.Error.Contains("failed: topic 多模态: arXiv rejected the query: incorrect id format for abc (query: (ti:multimodal OR abs:multimodal) AND cat:cs.CV)", StringComparison.Ordinal), result.Error);
        Assert.Contains("topic Agents: 1 paper, 1 new", result.Error);
        Assert.Contains("(http://arxiv.org/abs/2609.00010)", Readme);
    }

    [Fact]
    public async Task Track_EveryTopicFails_Exit1NothingWritten()
    {
        // Given
        _arxiv.SetRaw("multimodal", HttpStatusCode.BadRequest, ErrorFeed);
        _arxiv.SetRaw("agentic", HttpStatusCode.BadRequest, ErrorFeed);

        // When
        var result = await _cli.RunAsync("track");

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("every topic's arXiv query failed", result.Error);
        Assert.False(File.Exists(Path.Combine(_cli.Dir, "README.md")));
    }

    [Fact]
    public async Task Track_FeedCutOffHalfway_ClearErrorNamingTopic()
    {
        // Given: a feed that stops in the middle of an entry
        var feed = FakeArxivTopics.Feed([Paper("2609.00002"), Paper("2609.00001")], 2);
        _arxiv.SetRaw("multimodal", HttpStatusCode.OK, feed[..(feed.Length / 2)]);
        _arxiv.Set("agentic", Paper("2609.00010", "An agentic planner"));

        // When
        var result = await _cli.RunAsync("track");

        // Then
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("failed: topic 多模态: arXiv's answer is not a complete Atom feed", result.Error);
        Assert.Contains("line", result.Error);
    }

    [Theory]
    [InlineData("tracker:\n  topics:\n    - name: x\n      terms: [a\n", "paperdigest.yml:", "YAML syntax error")]
    [InlineData("tracker:\n  topics:\n    - name: x\n      terms: [a]\n      colour: red\n", "paperdigest.yml:5", "unknown key 'tracker.topics[].colour'")]
    [InlineData("tracker:\n  topics:\n    - name: 空的\n      exclude: [survey]\n", "Topic '空的' has neither terms nor categories", "")]
    [InlineData("tracker:\n  topics:\n    - name: x\n      terms: [{phrase: a, field: nowhere}]\n", "paperdigest.yml:4", "one of title_or_abstract, title, abstract, all")]
    public async Task Track_BadTopicsYaml_Exit2Naming(string yaml, string expected, string alsoExpected)
    {
        // Given
        await File.WriteAllTextAsync(Path.Combine(_cli.Dir, "paperdigest.yml"), yaml);

        // When
        var result = await _cli.RunAsync("track");

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Contains(alsoExpected, result.Error);
        Assert.Empty(_arxiv.Http.Requests);
    }

    [Fact]
    public async Task Track_Help_NamesOutAndConfig()
    {
        // When
        var result = await _cli.RunAsync("track", "--help");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--out", result.Out);
        Assert.Contains("--config", result.Out);
    }

    [FixtureFact]
    public async Task Track_RealFixtureFeedDefaultTopics_WritesSixTables()
    {
        // Given: no topics configured (the six built-in ones), every query answered with the recorded feed
        File.Delete(Path.Combine(_cli.Dir, "paperdigest.yml"));
        _cli.Env["PAPERDIGEST_TRACKER__MAX_PER_TOPIC"] = "5";
        _arxiv.SetRaw("cat:", HttpStatusCode.OK, Fixtures.Read("arxiv_api/arxiv_api_2026-04-30_search_cat-cs.LG-OR-cs.AI_max20.xml"));

        // When
        var result = await _cli.RunAsync("track", "--out", "site");

        // Then
        Assert.Equal(0, result.ExitCode);
        var readme = File.ReadAllText(Path.Combine(_cli.Dir, "site", "README.md"));
        Assert.Equal(6, readme.Split("\n## ").Length - 2);
        Assert.Contains("|**2026-04-29**|", readme);
        Assert.Contains("(http://arxiv.org/abs/2604.26951)", readme);
        Assert.Equal(5 * 6 + 1, readme.Split("\n|**").Length);
    }

    private static string ErrorFeed =>
        """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns="http://www.w3.org/2005/Atom">
          <id>https://arxiv.org/</id>
          <title>arXiv Search Results</title>
          <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
          <opensearch:totalResults>1</opensearch:totalResults>
          <opensearch:startIndex>0</opensearch:startIndex>
          <entry>
            <id>https://arxiv.org/api/errors#incorrect_id_format_for_abc</id>
            <title>Error</title>
            <summary>incorrect id format for abc</summary>
          </entry>
        </feed>
        """;

    [Fact]
    public async Task Track_OutputCannotBeWritten_Exit1RunRowFailedNotRunning()
    {
        // Given: --out names a file, so no folder can be made there
        _arxiv.Set("multimodal", Paper("2609.00001"));
        var blocked = Path.Combine(_cli.Dir, "not-a-folder");
        await File.WriteAllTextAsync(blocked, "x");

        // When
        var result = await _cli.RunAsync("track", "--out", blocked);

        // Then: a plain message, and the run is recorded as failed (it stayed 'running' before)
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: could not write", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal("failed", await StoreQuery.ScalarAsync(_cli.DbPath, "SELECT status FROM runs ORDER BY id DESC LIMIT 1"));
    }
}
