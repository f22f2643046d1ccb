using PaperDigest.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace PaperDigest.Tests.Workflows;

/// <summary>The GitHub Actions workflows (.github/workflows) read as YAML, their shell steps checked by bash.</summary>
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
            Assert.True(count >= 5);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Track_CacheMissed_TrackCarriesOnFromThePagesItWrites()
    {
        // Given the track workflow
        var workflow = Load("track.yml");
        var steps = Steps(workflow).ToList();
        var track = steps.Single(s => Value(s, "name") == "Track");
        var commit = string.Join("\n", steps.Select(s => Value(s, "run")).OfType<string>());

        // Then `track` writes and reads the same folder ($TRACKER_OUT/docs/papers.json is where it seeds an empty store
        // from; TrackCommandTests runs that), the pages committed are that folder's, and no other program writes the store
        Assert.Contains("track --out \"$TRACKER_OUT\"", Value(track, "run")!, StringComparison.Ordinal);
        Assert.Contains("$TRACKER_OUT", commit[commit.IndexOf("git add", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("sqlite", commit, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("python", commit, StringComparison.OrdinalIgnoreCase);
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
}
