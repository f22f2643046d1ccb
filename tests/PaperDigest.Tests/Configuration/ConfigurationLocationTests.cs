using System.Diagnostics;
using PaperDigest.Configuration;

namespace PaperDigest.Tests.Configuration;

/// <summary>A configuration problem names where the key was set: the file and line, or the environment variable.</summary>
public sealed class ConfigurationLocationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pd-config-where-").FullName;

    private ConfigurationException Fails(string? yaml, Dictionary<string, string>? env = null)
    {
        if (yaml is not null) File.WriteAllText(Path.Combine(_dir, AppOptionsReader.DefaultFileName), yaml);
        return Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, env ?? []));
    }

    [Fact]
    public void Read_RangeErrorInFile_NamesFileAndLine()
    {
        var error = Fails("llm:\n  model: m\n  concurrency: 0\n");
        Assert.Contains("paperdigest.yml:3: llm.concurrency must be between 1 and 64 (got 0)", error.Message);
    }

    [Fact]
    public void Read_RangeErrorInFileSpelledOtherwise_StillNamesLine()
    {
        // Keys match case- and underscore-insensitively; the location follows.
        var error = Fails("huggingface:\n  lookbackDays: 99\n");
        Assert.Contains("paperdigest.yml:2: huggingface.lookback_days must be between 0 and 60", error.Message);
    }

    [Fact]
    public void Read_RangeErrorFromEnvironment_NamesTheVariable()
    {
        var error = Fails("llm:\n  concurrency: 2\n", new() { ["PAPERDIGEST_LLM__CONCURRENCY"] = "0" });
        Assert.Contains("environment variable PAPERDIGEST_LLM__CONCURRENCY: llm.concurrency must be between 1 and 64", error.Message);
        Assert.DoesNotContain("yml", error.Message);
    }

    [Fact]
    public void Read_BadConventionalVariable_NamesTheVariable()
    {
        var error = Fails(null, new() { ["OPENAI_BASE_URL"] = "not a url" });
        Assert.StartsWith("Invalid configuration: environment variable OPENAI_BASE_URL: llm.base_url", error.Message);
    }

    [Fact]
    public void Read_TopicProblem_NamesTheTopicsList()
    {
        var error = Fails("tracker:\n  max_per_topic: 5\n  topics:\n    - name: A\n");
        Assert.Contains("paperdigest.yml:3: tracker.topics:", error.Message);
    }

    [Theory]
    [InlineData("a: ", "[", "")]
    [InlineData("", "- ", "x")]
    public void Read_HundredThousandDeepYaml_ClearErrorAtOnce(string head, string level, string tail)
    {
        // Given: 100,000 levels (a stack overflow after 28 s before)
        var yaml = head + string.Concat(Enumerable.Repeat(level, 100_000)) + tail + "\n";
        var clock = Stopwatch.StartNew();

        // When
        var error = Fails(yaml);

        // Then
        Assert.Contains("paperdigest.yml:1: the YAML nests deeper than", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Read_DeeplyNestedMappings_ClearError()
    {
        var yaml = string.Concat(Enumerable.Range(0, 2000).Select(i => new string(' ', i) + "k:\n"));
        Assert.Contains("nests deeper than", Fails(yaml).Message);
    }

    [Fact]
    public void Locate_ProblemNotStartingWithAKey_Unchanged()
    {
        var locations = new KeyLocations();
        locations.Set("llm.model", "paperdigest.yml:2");
        Assert.Equal("something else", locations.Locate("something else"));
        Assert.Equal("paperdigest.yml:2: llm.model must not be empty", locations.Locate("llm.model must not be empty"));
        Assert.Equal("llm.concurrency must be 1", locations.Locate("llm.concurrency must be 1"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
