namespace PaperDigest.Tracker;

/// <summary>
/// One tracker topic. A paper matches when it contains any of <see cref="Terms"/>, and (if given)
/// any of <see cref="Require"/>, in any of <see cref="Categories"/> (if given), and none of <see cref="Exclude"/>.
/// </summary>
internal sealed class TopicOptions
{
    public const int DefaultMaxPerTopic = 50;

    /// <summary>The heading on the tracker page, e.g. 多模态.</summary>
    public string Name { get; set; } = "";

    /// <summary>Any of these (OR), in title or abstract unless a term says otherwise.</summary>
    public List<TopicTerm> Terms { get; set; } = [];

    /// <summary>Also any of these (OR with <see cref="Terms"/>), looked for in the title only.</summary>
    public List<string> TitleTerms { get; set; } = [];

    /// <summary>And also any of these (OR), e.g. "large language model" for an RL topic about LLMs.</summary>
    public List<TopicTerm> Require { get; set; } = [];

    /// <summary>arXiv categories (cat:cs.CL), any of them.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>Papers with any of these are left out (ANDNOT).</summary>
    public List<TopicTerm> Exclude { get; set; } = [];

    /// <summary>Rows on the page (and papers asked of arXiv) for this topic; null: tracker.max_per_topic.</summary>
    public int? MaxPerTopic { get; set; }

    /// <summary><see cref="Terms"/> and <see cref="TitleTerms"/> together, as the query needs them.</summary>
    public IReadOnlyList<TopicTerm> AllTerms() => [.. Terms, .. TitleTerms.Select(t => new TopicTerm(t, TopicTermField.Title))];

    /// <summary>Problems that make this topic unusable, each naming the topic; empty when it is fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var name = string.IsNullOrWhiteSpace(Name) ? "(unnamed)" : Name;
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("A tracker topic has no name.");
        if (AllTerms().Count == 0 && Categories.Count == 0)
            errors.Add($"Topic '{name}' has neither terms nor categories, so it would match all of arXiv; give it at least one.");
        if (AllTerms().Concat(Require).Concat(Exclude).Any(t => string.IsNullOrWhiteSpace(t.Phrase?.Replace("\"", "", StringComparison.Ordinal))))
            errors.Add($"Topic '{name}' has an empty term.");
        if (Categories.Any(c => string.IsNullOrWhiteSpace(c) || c.Trim().Contains(' ', StringComparison.Ordinal)))
            errors.Add($"Topic '{name}' has an empty or malformed category (expected e.g. cs.CL).");
        if (MaxPerTopic < 1) errors.Add($"Topic '{name}': max_per_topic must be at least 1 (was {MaxPerTopic}).");
        return errors;
    }
}
