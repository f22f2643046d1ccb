namespace PaperDigest.Tracker;

/// <summary>Where on arXiv a topic term is looked for.</summary>
internal enum TopicTermField
{
    /// <summary>Title or abstract: <c>(ti:"x" OR abs:"x")</c>.</summary>
    TitleOrAbstract,
    /// <summary><c>ti:</c></summary>
    Title,
    /// <summary><c>abs:</c></summary>
    Abstract,
    /// <summary><c>all:</c> (title, abstract, authors, comments, ...)</summary>
    All,
}
