using System.Text.Json;
using System.Text.Json.Nodes;
using PaperDigest.Llm;
using PaperDigest.Papers;
using PaperDigest.Summaries;

namespace PaperDigest.Tracker;

/// <summary>
/// Has the LLM translate abstracts (structured reply <c>{"translation": "..."}</c>, language checked, one retry on an
/// invalid reply), cached forever per paper version, language and model.
/// </summary>
internal sealed class AbstractTranslator(LlmClient llm, TrackerStore store)
{
    private const string SchemaName = "abstract_translation";

    private const string Schema =
        """{"type":"object","properties":{"translation":{"type":"string","description":"the whole abstract, translated"}},"required":["translation"],"additionalProperties":false}""";

    public async Task<TranslatedAbstract> TranslateAsync(Paper paper, string lang, CancellationToken cancellationToken)
    {
        var original = Whitespace.Collapse(paper.Abstract);
        if (original.Length == 0 || LanguageCheck.Problem(original, lang) is null) return new(original, false, false, null);
        if (await store.TranslationAsync(paper.Id, lang, llm.Model, cancellationToken) is { } cached) return new(cached, true, true, null);

        var messages = new List<LlmMessage>
        {
            new(LlmRole.System, SystemPrompt(lang)),
            new(LlmRole.User, "Abstract:\n" + original),
        };
        var problem = "";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            LlmReply reply;
            try
            {
                reply = await llm.CompleteAsync(new LlmRequest(messages, SchemaName, Schema), cancellationToken);
            }
            catch (LlmException ex)
            {
                return new(original, false, false, ex.Message);
            }
            (var text, problem) = Validate(reply.Text, lang);
            if (text is not null)
            {
                await store.SaveTranslationAsync(paper.Id, lang, llm.Model, text, cancellationToken);
                return new(text, true, false, null);
            }
            messages.Add(new(LlmRole.Assistant, reply.Text.Length > 4000 ? reply.Text[..4000] : reply.Text));
            messages.Add(new(LlmRole.User, $"Your reply was not valid: {problem}. Reply again with only the JSON object {{\"translation\": \"...\"}}."));
        }
        return new(original, false, false, "invalid translation after 2 attempts: " + problem);
    }

    internal static string SystemPrompt(string lang) =>
        $"You translate abstracts of AI research papers from arXiv into {(lang == "en" ? "English" : "Simplified Chinese (简体中文)")}. "
        + "Translate the whole abstract faithfully, as one paragraph; keep model names, dataset names, code and numbers as they are; "
        + "add nothing. Reply with a JSON object: {\"translation\": \"...\"}.";

    private static (string? Text, string Problem) Validate(string reply, string lang)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(reply); }
        catch (JsonException ex) { return (null, $"the reply is not valid JSON ({ex.Message.Split('\n')[0]})"); }
        JsonNode? field;
        try { field = (node as JsonObject)?["translation"]; }
        catch (ArgumentException) { return (null, "the reply has the same JSON key twice"); }
        if (field is not JsonValue value || !value.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
            return (null, "the field \"translation\" is missing or empty");
        text = Whitespace.Collapse(text);
        return LanguageCheck.Problem(text, lang) is { } wrong ? (null, wrong) : (text, "");
    }
}
