using PaperDigest.Papers;

namespace PaperDigest.Tracker;

/// <summary>One topic and the stored papers its table shows, newest first, capped.</summary>
internal sealed record TopicPapers(TopicOptions Topic, IReadOnlyList<Paper> Papers);
