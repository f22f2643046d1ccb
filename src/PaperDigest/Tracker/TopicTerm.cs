namespace PaperDigest.Tracker;

/// <summary>A word or phrase of a topic and where to look for it. In YAML a plain text, or <c>{ phrase: LLM, field: all }</c>.</summary>
internal sealed record TopicTerm(string Phrase, TopicTermField Field = TopicTermField.TitleOrAbstract)
{
    /// <summary>For the configuration binder: a term with its phrase set later.</summary>
    public TopicTerm() : this("") { }

    /// <summary>For the configuration binder: a plain text in YAML is a term looked for in title or abstract.</summary>
    public TopicTerm(string phrase) : this(phrase, TopicTermField.TitleOrAbstract) { }
}
