namespace PaperDigest.Tracker;

/// <summary>A word or phrase of a topic and where to look for it.</summary>
internal sealed record TopicTerm(string Phrase, TopicTermField Field = TopicTermField.TitleOrAbstract);
