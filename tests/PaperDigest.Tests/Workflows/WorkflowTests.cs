using PaperDigest.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace PaperDigest.Tests.Workflows;

/// <summary>The GitHub Actions workflows (.github/workflows) read as YAML, their shell steps checked by bash, and the store seed script run for real.</summary>
public sealed class WorkflowTests
{
    private static readonly string RepoRoot = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PaperDigest.slnx"))) return dir.FullName;
        throw new InvalidOperationException("PaperDigest.slnx not found above the test binaries");
    }

    private static YamlMappingNode Load(string name)
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(RepoRoot, ".github", "workflows", name)));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode workflow) =>
        ((YamlMappingNode)workflow["jobs"]).Children.Values.Cast<YamlMappingNode>()
            .Where(j => j.Children.ContainsKey("steps"))
            .SelectMany(j => ((YamlSequenceNode)j["steps"]).Children.Cast<YamlMappingNode>());

    private static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    private static YamlMappingNode? With(YamlMappingNode step) =>
        step.Children.TryGetValue(new YamlScalarNode("with"), out var w) ? (YamlMappingNode)w : null;

    [Theory]
    [InlineData("track.yml")]
    [InlineData("daily.yml")]
    public void Workflow_CacheKeys_IncludeTheRunAttempt(string name)
    {
        // Given the workflow
        var caches = Steps(Load(name)).Where(s => Value(s, "uses")?.StartsWith("actions/cache/", StringComparison.Ordinal) == true).ToList();

        // Then it restores and saves its database, each run and re-run under a key of its own
        Assert.Equal(2, caches.Count);
        Assert.All(caches, c => Assert.Contains("${{ github.run_attempt }}", Value(With(c)!, "key"), StringComparison.Ordinal));
        Assert.Equal(Value(With(caches[0])!, "key"), Value(With(caches[1])!, "key"));
    }

    [Theory]
    [InlineData("track.yml")]
    [InlineData("daily.yml")]
    public void Workflow_Model_IsAVariableNotASecret(string name)
    {
        // Given the workflow's environment
        var env = (YamlMappingNode)((YamlMappingNode)Load(name)["jobs"]).Children.Values.Cast<YamlMappingNode>().First()["env"];

        // Then the model name comes from vars (not masked in the log) and the key from secrets
        Assert.StartsWith("${{ vars.PAPERDIGEST_LLM__MODEL", Value(env, "PAPERDIGEST_LLM__MODEL"), StringComparison.Ordinal);
        Assert.Equal("${{ secrets.OPENAI_API_KEY }}", Value(env, "OPENAI_API_KEY"));
    }

    [Theory]
    [InlineData("track.yml", "Commit the pages")]
    [InlineData("daily.yml", "Commit the digests")]
    public void Workflow_Push_RebasesAndRetries(string name, string stepName)
    {
        // Given the step that commits back
        var run = Value(Steps(Load(name)).Single(s => Value(s, "name") == stepName), "run")!;

        // Then a rejected push is followed by a rebase onto what landed, in a bounded loop
        Assert.Contains("for attempt in", run, StringComparison.Ordinal);
        Assert.Contains("git pull --rebase", run, StringComparison.Ordinal);
        Assert.True(run.IndexOf("git push", StringComparison.Ordinal) < run.IndexOf("git pull --rebase", StringComparison.Ordinal));
    }

    [RenderersFact("bash")]
    public async Task Workflows_RunSteps_AreValidBash()
    {
        // Given every shell step of both workflows
        var dir = Directory.CreateTempSubdirectory("pd-wf-").FullName;
        try
        {
            var count = 0;
            foreach (var name in new[] { "track.yml", "daily.yml" })
                foreach (var run in Steps(Load(name)).Select(s => Value(s, "run")).OfType<string>())
                {
                    var file = Path.Combine(dir, $"step{count++}.sh");
                    await File.WriteAllTextAsync(file, run.Replace("${{", "__", StringComparison.Ordinal).Replace("}}", "__", StringComparison.Ordinal));
                    // Then bash parses each (bash -n: syntax only, nothing runs)
                    await RenderersFactAttribute.Run("bash", dir, "-n", file);
                }
            Assert.True(count >= 6);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Track_CacheMissed_SeedsTheStoreFromTheCommittedPapersJson()
    {
        // Given the track workflow
        var steps = Steps(Load("track.yml")).ToList();
        var seed = steps.Single(s => Value(s, "name") == "Seed the database from docs/papers.json");

        // Then, when no cache entry matched and before tracking, docs/papers.json is imported and its history restored
        Assert.Equal("steps.restore.outputs.cache-matched-key == ''", Value(seed, "if"));
        Assert.True(steps.IndexOf(seed) < steps.FindIndex(s => Value(s, "name") == "Track"));
        var run = Value(seed, "run")!;
        Assert.Contains("-- import .paperdigest/seed.jsonl", run, StringComparison.Ordinal);
        Assert.Contains("tracker_seed.py history", run, StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_Workflow_RunsDailyAndPublishesTheSiteWithPages()
    {
        // Given the daily workflow
        var workflow = Load("daily.yml");
        var cron = Value((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)workflow["on"])["schedule"]).Children[0], "cron")!;
        var steps = Steps(workflow).ToList();
        var runs = string.Join("\n", steps.Select(s => Value(s, "run")).OfType<string>());

        // Then it runs every day, writes the digest and the static site, uploads it and deploys it to Pages
        Assert.EndsWith("* * *", cron, StringComparison.Ordinal);
        Assert.Contains("-- daily --out", runs, StringComparison.Ordinal);
        Assert.Contains("-- site --out _site", runs, StringComparison.Ordinal);
        Assert.Contains(steps, s => Value(s, "uses") == "actions/upload-pages-artifact@v3" && Value(With(s)!, "path") == "_site");
        Assert.Contains(steps, s => Value(s, "uses") == "actions/deploy-pages@v4");
        var permissions = (YamlMappingNode)workflow["permissions"];
        Assert.Equal("write", Value(permissions, "pages"));
        Assert.Equal("write", Value(permissions, "id-token"));
    }

    [RenderersFact("python3")]
    public async Task TrackerSeed_PapersJson_RestoresTopicsAndTranslations()
    {
        // Given a store holding the papers of a committed docs/papers.json (as `import` of the script's JSONL loads them)
        using var store = new TempStore();
        var json = Path.Combine(store.Directory, "papers.json");
        await File.WriteAllTextAsync(json, """
            {"updated_on": "2026-02-03", "topics": {
              "LLM Agents": [
                {"id": "2602.01111", "title": "Agents", "published": "2026-02-01", "url": "http://arxiv.org/abs/2602.01111", "code_url": null, "stars": null,
                 "abstract": "智能体的中文摘要。", "abstract_original": "An English abstract about agents."},
                {"id": "2602.02222", "title": "Tools", "published": "2026-02-02", "url": "http://arxiv.org/abs/2602.02222", "code_url": null, "stars": null,
                 "abstract": "Only English here.", "abstract_original": null}]}}
            """);
        var script = Path.Combine(RepoRoot, ".github", "scripts", "tracker_seed.py");
        var jsonl = Path.Combine(store.Directory, "seed.jsonl");
        await RenderersFactAttribute.Run("python3", store.Directory, script, "jsonl", json, jsonl);
        var lines = await File.ReadAllLinesAsync(jsonl);
        Assert.Equal(2, lines.Length);
        Assert.Contains("An English abstract about agents.", lines[0], StringComparison.Ordinal);
        await store.Papers.UpsertAsync([TempStore.Paper("2602.01111", "Agents", "An English abstract about agents."), TempStore.Paper("2602.02222", "Tools", "Only English here.")], CancellationToken.None);

        // When the history is seeded
        var (output, _) = await RenderersFactAttribute.Run("python3", store.Directory, script, "history", json, store.Path_, "test-model", "zh");

        // Then the topic found both papers again, and the one translation is stored for the tracker to reuse
        Assert.Contains("2 topic rows and 1 translations", output, StringComparison.Ordinal);
        Assert.Equal(2L, await StoreQuery.ScalarAsync(store.Path_, "SELECT count(*) FROM paper_topics WHERE topic = 'LLM Agents'"));
        Assert.Equal("智能体的中文摘要。", await StoreQuery.ScalarAsync(store.Path_, "SELECT text FROM translations WHERE paper_id = '2602.01111' AND lang = 'zh' AND model = 'test-model'"));
    }
}
