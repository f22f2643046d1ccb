using PaperDigest.Configuration;
using PaperDigest.Tracker;

namespace PaperDigest.Tests.Configuration;

/// <summary>The `tracker:` and `arxiv:` sections as users write them, bound by <see cref="AppOptionsReader"/>.</summary>
public sealed class TrackerOptionsReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pd-tracker-config-").FullName;

    [Fact]
    public void Read_FriendlyTopicsYaml_BindsTermsFieldsAndQuery()
    {
        // Given
        File.WriteAllText(Path.Combine(_dir, "paperdigest.yml"), """
            tracker:
              max_per_topic: 20
              lang: en
              topics:
                - name: 多模态
                  terms: ["multimodal", "vision-language"]
                  title_terms: [MLLM]
                  categories: [cs.CV, cs.CL]
                  exclude: ["survey"]
                - name: RL
                  terms: [{ phrase: reinforcement learning, field: abstract }]
                  require: [LLM]
                  max_per_topic: 5
            arxiv:
              min_interval_seconds: 0.5
            """);

        // When
        var options = AppOptionsReader.Read(null, _dir, new Dictionary<string, string>());
        var topics = options.Tracker.EffectiveTopics();

        // Then
        Assert.Equal(["多模态", "RL"], topics.Select(t => t.Name));
        Assert.Equal([20, 5], topics.Select(t => t.MaxPerTopic ?? 0));
        Assert.Equal("en", options.Tracker.Lang);
        Assert.Equal(TimeSpan.FromSeconds(0.5), options.Arxiv.MinInterval);
        Assert.Equal(
            "(ti:multimodal OR abs:multimodal OR ti:\"vision-language\" OR abs:\"vision-language\" OR ti:MLLM) AND (cat:cs.CV OR cat:cs.CL)"
            + " ANDNOT (ti:survey OR abs:survey)",
            TopicQueryBuilder.Build(topics[0]));
        Assert.Equal("abs:\"reinforcement learning\" AND (ti:LLM OR abs:LLM)", TopicQueryBuilder.Build(topics[1]));
    }

    [Fact]
    public void Read_TopicWithOnlyCategories_IsAcceptedAsACategoryQuery()
    {
        // Given a topic with categories and no terms
        File.WriteAllText(Path.Combine(_dir, "paperdigest.yml"), """
            tracker:
              topics:
                - name: Robotics
                  categories: [cs.RO]
            """);

        // When the configuration is read
        var options = AppOptionsReader.Read(null, _dir, new Dictionary<string, string>());

        // Then it is accepted, and queries the category
        Assert.Equal("cat:cs.RO", TopicQueryBuilder.Build(options.Tracker.EffectiveTopics()[0]));
    }

    [Fact]
    public void Read_TopicWithNeitherTermsNorCategories_IsRejectedNamingTheTopic()
    {
        // Given a topic with nothing to ask for
        File.WriteAllText(Path.Combine(_dir, "paperdigest.yml"), """
            tracker:
              topics:
                - name: Everything
                  exclude: [survey]
            """);

        // When / Then
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, new Dictionary<string, string>()));
        Assert.Contains("Topic 'Everything' has neither terms nor categories", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoTopics_SixBuiltInOnesAndEnvironmentWins()
    {
        // Given
        var env = new Dictionary<string, string>
        {
            ["ARXIV_API_URL"] = "http://127.0.0.1:9/api/query",
            ["PAPERDIGEST_TRACKER__MAX_PER_TOPIC"] = "7",
            ["PAPERDIGEST_TRACKER__TRANSLATE_ABSTRACTS"] = "false",
        };

        // When
        var options = AppOptionsReader.Read(null, _dir, env);

        // Then
        Assert.Equal("http://127.0.0.1:9/api/query", options.Arxiv.ApiUrl);
        Assert.False(options.Tracker.TranslateAbstracts);
        Assert.Equal(6, options.Tracker.EffectiveTopics().Count);
        Assert.All(options.Tracker.EffectiveTopics(), t => Assert.Equal(7, t.MaxPerTopic));
        Assert.Equal(".", options.Tracker.Out);
        Assert.Equal(7, options.Tracker.CodeRecheckDays);
    }

    [Fact]
    public void Read_TopicWithoutName_NamesTheProblem()
    {
        // Given
        File.WriteAllText(Path.Combine(_dir, "paperdigest.yml"), "tracker:\n  topics:\n    - terms: [a]\n");

        // When
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, new Dictionary<string, string>()));

        // Then
        Assert.Contains("A tracker topic has no name", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
