using PaperDigest.Papers;

namespace PaperDigest.Llm;

/// <summary>What one small structured request told of the endpoint (`paperdigest doctor`).</summary>
/// <param name="Problem">Null when the endpoint answered a valid reply; else what is wrong and what to do, in plain words.</param>
internal sealed record LlmProbeResult(
    string? Problem, ProviderMode Mode, string? LanguageProblem, TimeSpan Latency, bool UsageReported, int CachedInputTokens);

/// <summary>
/// One small structured ask through the real <see cref="LlmClient"/>: its negotiation picks (and remembers) the structured
/// mode, so what the probe reports is what `daily` will send.
/// </summary>
internal static class LlmProbe
{
    private const string Schema = """{"type":"object","properties":{"greeting":{"type":"string"}},"required":["greeting"],"additionalProperties":false}""";

    public static async Task<LlmProbeResult> RunAsync(LlmClient llm, string lang, TimeProvider time, CancellationToken cancellationToken)
    {
        var language = lang == "en" ? "in English" : "in Chinese (简体中文)";
        var request = new LlmRequest(
        [
            new(LlmRole.System, $"You are checking that this endpoint works. Reply with a JSON object with this field, written {language}:\n- \"greeting\" (string): one short sentence greeting a reader of AI papers."),
            new(LlmRole.User, $"Write the greeting {language}, as JSON."),
        ], "doctor_check", Schema);
        var started = time.GetTimestamp();
        try
        {
            var reply = await llm.CompleteAsync(request, cancellationToken);
            var latency = time.GetElapsedTime(started);
            var (obj, parseProblem) = JsonReply.Parse(reply.Text);
            var greeting = obj?["greeting"]?.ToString();
            var problem = obj is null ? $"the reply is not the JSON asked for ({parseProblem})"
                : string.IsNullOrWhiteSpace(greeting) ? "the reply has no \"greeting\" field"
                : null;
            return new(problem is null ? null : llm.Redact(problem), llm.Mode, greeting is null ? null : LanguageCheck.Problem(greeting, lang),
                latency, reply.InputTokens > 0 || reply.OutputTokens > 0, reply.CachedInputTokens);
        }
        catch (LlmException ex)
        {
            return new(Explain(ex), llm.Mode, null, time.GetElapsedTime(started), false, 0);
        }
    }

    /// <summary>The failure in the words a user acts on: key refused, model unknown, endpoint unreachable, or the provider's own words.</summary>
    public static string Explain(LlmException ex)
    {
        if (ex.HttpStatus is 401 or 403) return $"key refused: {ex.Message}; set OPENAI_API_KEY to a key this provider accepts";
        if (ex.HttpStatus == 404 || MentionsUnknownModel(ex.Message))
            return $"model unknown: {ex.Message}; set PAPERDIGEST_LLM__MODEL (llm.model) to a model this provider serves, and check OPENAI_BASE_URL";
        return ex.Failure switch
        {
            LlmFailure.Unreachable => $"not reachable: {ex.Message}",
            LlmFailure.Timeout => $"no answer: {ex.Message}",
            _ => ex.Message,
        };
    }

    private static bool MentionsUnknownModel(string message) =>
        message.Contains("model_not_found", StringComparison.OrdinalIgnoreCase)
        || message.Contains("model not found", StringComparison.OrdinalIgnoreCase)
        || message.Contains("model not exist", StringComparison.OrdinalIgnoreCase)
        || (message.Contains("model", StringComparison.OrdinalIgnoreCase) && message.Contains("does not exist", StringComparison.OrdinalIgnoreCase));
}
