namespace PaperDigest.Tracker;

/// <summary>A tracker topic is configured so that no query can be built; the message names the topic.</summary>
internal sealed class TopicConfigurationException(string message) : Exception(message);
