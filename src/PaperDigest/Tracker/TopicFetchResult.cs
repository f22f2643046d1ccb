namespace PaperDigest.Tracker;

/// <summary>What one topic's query brought: how many papers, how many new to the topic, or why it failed.</summary>
internal sealed record TopicFetchResult(string Topic, string Query, int Found, int New, string? Error)
{
    public bool Failed => Error is not null;
}
