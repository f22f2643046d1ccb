using System.Text.Json.Nodes;

namespace PaperDigest.Llm;

/// <summary>
/// The one structured-ask routine: ask with a schema, read the JSON object out of the reply, check it with the caller's
/// validator, and re-ask naming the problems, at most <c>retries</c> times. Endpoint failures end the ask at once.
/// </summary>
internal static class StructuredAsk
{
    /// <summary>An invalid reply is echoed back to the model at most this long.</summary>
    private const int MaxEchoedReply = 4000;

    public static async Task<StructuredReply<T>> AskAsync<T>(
        LlmClient llm, LlmRequest request, Func<JsonObject, ReplyCheck<T>> validate, int retries, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        var conversation = request.Messages.ToList();
        int input = 0, output = 0;
        IReadOnlyList<string> problems = [];
        for (var attempt = 1; attempt <= retries + 1; attempt++)
        {
            LlmReply reply;
            try
            {
                reply = await llm.CompleteAsync(request with { Messages = conversation.ToArray() }, cancellationToken);
            }
            catch (LlmException ex)
            {
                return new(null, ex.Message, ex.Failure, problems, input, output, attempt, conversation);
            }
            input += reply.InputTokens;
            output += reply.OutputTokens;

            var (obj, problem) = JsonReply.Parse(reply.Text);
            var check = obj is null ? ReplyCheck<T>.Invalid(problem!) : validate(obj);
            if (check.Value is { } value)
            {
                conversation.Add(new(LlmRole.Assistant, reply.Text));
                return new(value, null, null, [], input, output, attempt, conversation);
            }
            problems = check.Problems;
            conversation.Add(new(LlmRole.Assistant, reply.Text.Length <= MaxEchoedReply ? reply.Text : reply.Text[..MaxEchoedReply]));
            if (attempt <= retries)
                conversation.Add(new(LlmRole.User,
                    "Your reply was not valid: " + string.Join("; ", problems) + ". Reply again with only the JSON object, every field filled, in the asked language."));
        }
        return new(null, $"invalid reply after {retries + 1} attempts: " + string.Join("; ", problems), LlmFailure.InvalidReply,
            problems, input, output, retries + 1, conversation);
    }
}
