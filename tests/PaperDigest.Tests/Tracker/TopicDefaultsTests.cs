using PaperDigest.Tracker;

namespace PaperDigest.Tests.Tracker;

public sealed class TopicDefaultsTests
{
    [Fact]
    public void All_BuiltInTopics_AreTheSixOfTheReferencePageInOrder()
    {
        // Given the built-in topics
        var topics = TopicDefaults.All();

        // When their names are listed
        var names = topics.Select(t => t.Name);

        // Then they are the reference page's six, in its order, each with 50 rows (tracker.max_per_topic's default)
        Assert.Equal(["多模态", "大模型PEFT", "大模型强化学习", "大模型持续学习", "Transformer", "生成模型"], names);
        Assert.All(new TrackerOptions().EffectiveTopics(), t => Assert.Equal(50, t.MaxPerTopic));
    }

    [Fact]
    public void All_BuiltInTopics_EachBuildsAQuery()
    {
        // Given the built-in topics
        // When their queries are built
        var queries = TopicDefaults.All().Select(TopicQueryBuilder.Build).ToList();

        // Then each is valid and the characteristic ones hold their key phrases
        Assert.Contains("abs:multimodal", queries[0], StringComparison.Ordinal);
        Assert.Contains("cat:cs.CV", queries[0], StringComparison.Ordinal);
        Assert.Contains("ti:LoRA", queries[1], StringComparison.Ordinal);
        Assert.Contains("\"reinforcement learning\"", queries[2], StringComparison.Ordinal);
        Assert.Contains(") AND (ti:\"large language model\"", queries[2], StringComparison.Ordinal);
        Assert.Contains("\"catastrophic forgetting\"", queries[3], StringComparison.Ordinal);
        Assert.StartsWith("(ti:transformer OR ti:transformers)", queries[4], StringComparison.Ordinal);
        Assert.Contains("\"flow matching\"", queries[5], StringComparison.Ordinal);
    }
}
