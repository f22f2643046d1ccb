using System.Text.Json.Nodes;
using PaperDigest.Llm;
using PaperDigest.Papers;

namespace PaperDigest.Tracker;

/// <summary>
/// Has the LLM translate abstracts (structured reply <c>{"translation": "..."}</c> through <see cref="StructuredAsk"/>,
/// language checked, re-asked at most llm.invalid_reply_retries times), cached forever per paper version, language and model.
/// </summary>
internal sealed class AbstractTranslator(LlmClient llm, LlmOptions options, TrackerStore store)
{
    private const string SchemaName = "abstract_translation";

    private const string Schema =
        """{"type":"object","properties":{"translation":{"type":"string","description":"the whole abstract, translated"}},"required":["translation"],"additionalProperties":false}""";

    public async Task<TranslatedAbstract> TranslateAsync(Paper paper, string lang, CancellationToken cancellationToken)
    {
        var original = Whitespace.Collapse(paper.Abstract);
        if (original.Length == 0 || LanguageCheck.Problem(original, lang) is null) return new(original, false, false, null);
        if (await store.TranslationAsync(paper.Id, lang, llm.Model, cancellationToken) is { } cached) return new(cached, true, true, null);

        var request = new LlmRequest([new(LlmRole.System, SystemPrompt(lang)), new(LlmRole.User, "Abstract:\n" + original)], SchemaName, Schema);
        var reply = await StructuredAsk.AskAsync(llm, request, r => Check(r, lang), options.InvalidReplyRetries, cancellationToken);
        if (reply.Value is not { } text) return new(original, false, false, reply.Error);
        await store.SaveTranslationAsync(paper.Id, lang, llm.Model, text, cancellationToken);
        return new(text, true, false, null);
    }

    internal static string SystemPrompt(string lang) =>
        $"You translate abstracts of AI research papers from arXiv into {(lang == "en" ? "English" : "Simplified Chinese (简体中文)")}. "
        + "Translate the whole abstract faithfully, as one paragraph; keep model names, dataset names, code and numbers as they are; "
        + "add nothing. Reply with a JSON object: {\"translation\": \"...\"}.";

    private static ReplyCheck<string> Check(JsonObject reply, string lang)
    {
        if (reply["translation"] is not JsonValue value || !value.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
            return ReplyCheck<string>.Invalid("the field \"translation\" is missing or empty");
        text = Whitespace.Collapse(text);
        return LanguageCheck.Problem(text, lang) is { } wrong ? ReplyCheck<string>.Invalid(wrong) : ReplyCheck<string>.Valid(text);
    }
}
