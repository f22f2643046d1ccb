namespace PaperDigest.Tracker;

/// <summary>The `tracker` section: which topics, how many rows, in which language, where the pages go.</summary>
internal sealed class TrackerOptions
{
    /// <summary>The topics, in page order. Empty: the six built-in topics of <see cref="TopicDefaults"/>.</summary>
    public List<TopicOptions> Topics { get; set; } = [];

    /// <summary>Rows per topic (and papers asked of arXiv per topic), unless a topic sets its own.</summary>
    public int MaxPerTopic { get; set; } = TopicOptions.DefaultMaxPerTopic;

    /// <summary>Language of the abstracts on the page: zh or en. Null: digest.lang.</summary>
    public string? Lang { get; set; }

    /// <summary>Where README.md and docs/ are written (--out).</summary>
    public string Out { get; set; } = ".";

    /// <summary>Have the LLM translate abstracts into <see cref="Lang"/> (when an LLM is configured).</summary>
    public bool TranslateAbstracts { get; set; } = true;

    /// <summary>Papers without a code link are looked at again at most this often.</summary>
    public int CodeRecheckDays { get; set; } = 7;

    /// <summary>The configured topics (or the built-in ones), each with its row limit resolved.</summary>
    public IReadOnlyList<TopicOptions> EffectiveTopics()
    {
        var topics = Topics.Count > 0 ? Topics : TopicDefaults.All();
        foreach (var t in topics) t.MaxPerTopic ??= MaxPerTopic;
        return topics;
    }

    public IEnumerable<string> Validate()
    {
        if (MaxPerTopic < 1) yield return $"tracker.max_per_topic must be at least 1 (got {MaxPerTopic})";
        if (Lang is not (null or "zh" or "en")) yield return $"tracker.lang must be zh or en (got '{Lang}')";
        if (string.IsNullOrWhiteSpace(Out)) yield return "tracker.out must not be empty";
        if (CodeRecheckDays < 0) yield return $"tracker.code_recheck_days must not be negative (got {CodeRecheckDays})";
        foreach (var dup in Topics.GroupBy(t => t.Name.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return $"tracker.topics: the topic '{dup.Key}' is named twice";
        // A topic with only categories is a whole category feed: TopicQueryBuilder asks for it; TopicOptions.Validate decides.
        foreach (var error in Topics.SelectMany(t => t.Validate())) yield return "tracker.topics: " + error.TrimEnd('.');
    }
}
