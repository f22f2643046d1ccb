using PaperDigest.Tracker;

namespace PaperDigest.Tests.Tracker;

public sealed class TopicQueryBuilderTests
{
    [Fact]
    public void Build_TermsCategoriesAndExcludes_GroupsThemWithAndAndNot()
    {
        // Given a topic with a phrase in title or abstract, a title word, two categories and an exclusion
        var topic = new TopicOptions
        {
            Name = "PEFT",
            Terms = [new("parameter-efficient fine-tuning"), new("LoRA", TopicTermField.Title)],
            Categories = ["cs.CL", "cs.LG"],
            Exclude = [new("survey", TopicTermField.Title)],
        };

        // When the query is built
        var query = TopicQueryBuilder.Build(topic);

        // Then it reads as arXiv expects
        Assert.Equal(
            "(ti:\"parameter-efficient fine-tuning\" OR abs:\"parameter-efficient fine-tuning\" OR ti:LoRA)"
            + " AND (cat:cs.CL OR cat:cs.LG) ANDNOT ti:survey",
            query);
    }

    [Fact]
    public void Build_RequiredTerms_AddsSecondAndGroup()
    {
        // Given an RL topic that must also mention LLMs
        var topic = new TopicOptions
        {
            Name = "RL",
            Terms = [new("reinforcement learning", TopicTermField.Abstract)],
            Require = [new("large language model", TopicTermField.Abstract), new("LLM", TopicTermField.All)],
        };

        // When the query is built
        var query = TopicQueryBuilder.Build(topic);

        // Then both groups must match
        Assert.Equal("abs:\"reinforcement learning\" AND (abs:\"large language model\" OR all:LLM)", query);
    }

    [Fact]
    public void Build_CategoriesOnly_IsAValidQuery()
    {
        // Given a topic that is just a category listing
        var topic = new TopicOptions { Name = "NLP", Categories = ["cs.CL"] };

        // When the query is built
        // Then it is the category alone
        Assert.Equal("cat:cs.CL", TopicQueryBuilder.Build(topic));
    }

    [Fact]
    public void Build_NoTermsNoCategories_ThrowsNamingTheTopic()
    {
        // Given a topic with nothing to search for
        var topic = new TopicOptions { Name = "空的", Exclude = [new("survey")] };

        // When the query is built
        var ex = Assert.Throws<TopicConfigurationException>(() => TopicQueryBuilder.Build(topic));

        // Then the message names the topic and what is missing
        Assert.Contains("'空的'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("neither terms nor categories", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BlankTermAndBadMax_ReportsEach()
    {
        // Given a topic with a blank term and a zero row limit
        var topic = new TopicOptions { Name = "x", Terms = [new("  ")], MaxPerTopic = 0 };

        // When it is validated
        var errors = topic.Validate();

        // Then both problems are named
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("empty term", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("max_per_topic", StringComparison.Ordinal));
    }
}
