namespace PaperDigest.Llm;

/// <summary>
/// The outcome of one structured ask, as data: the value (when a reply passed the checks) or the error and the last
/// problems; the tokens of every attempt; and the conversation so far (ending with the model's last reply) to go on from.
/// </summary>
internal sealed record StructuredReply<T>(
    T? Value,
    string? Error,
    LlmFailure? Failure,
    IReadOnlyList<string> Problems,
    int InputTokens,
    int OutputTokens,
    int Attempts,
    IReadOnlyList<LlmMessage> Conversation) where T : class
{
    public bool Ok => Value is not null;
}
