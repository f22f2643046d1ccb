namespace PaperDigest.Llm;

internal enum LlmRole { System, User, Assistant }

internal sealed record LlmMessage(LlmRole Role, string Text);

/// <summary>One chat request. <paramref name="Schema"/> is the JSON schema the reply must follow.</summary>
internal sealed record LlmRequest(IReadOnlyList<LlmMessage> Messages, string SchemaName, string Schema);

internal sealed record LlmReply(string Text, int InputTokens, int OutputTokens, int CachedInputTokens = 0);
