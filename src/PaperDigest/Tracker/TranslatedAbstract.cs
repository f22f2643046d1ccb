namespace PaperDigest.Tracker;

/// <summary>The abstract to show, and whether it came from the store, the LLM, or failed (then it is the original).</summary>
internal sealed record TranslatedAbstract(string Text, bool IsTranslation, bool Cached, string? Error);
