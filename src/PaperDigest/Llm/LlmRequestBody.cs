using System.Text.Json.Nodes;

namespace PaperDigest.Llm;

/// <summary>The JSON body of one chat request in a given <see cref="ProviderMode"/>, with llm.extra_body merged on top.</summary>
internal static class LlmRequestBody
{
    public static JsonObject Build(LlmRequest request, ProviderMode mode, LlmOptions options, int outputLimit)
    {
        var body = new JsonObject
        {
            ["model"] = options.Model,
            ["messages"] = Messages(request, mode),
            ["temperature"] = options.Temperature,
            [mode.OutputLimit == OutputLimitParameter.MaxTokens ? "max_tokens" : "max_completion_tokens"] = outputLimit,
        };
        switch (mode.Structured)
        {
            case StructuredMode.JsonSchema:
                body["response_format"] = new JsonObject
                {
                    ["type"] = "json_schema",
                    ["json_schema"] = new JsonObject { ["name"] = request.SchemaName, ["strict"] = true, ["schema"] = JsonNode.Parse(request.Schema) },
                };
                break;
            case StructuredMode.JsonObject:
                body["response_format"] = new JsonObject { ["type"] = "json_object" };
                break;
        }
        if (options.Stream)
        {
            body["stream"] = true;
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        }
        if (mode.DisableThinking) body["enable_thinking"] = false;
        foreach (var (key, value) in options.ExtraBody) body[key] = value?.DeepClone();
        return body;
    }

    /// <summary>Without json_schema the schema goes in the system prompt, and with it the word JSON (DeepSeek's json_object asks for it).</summary>
    private static JsonArray Messages(LlmRequest request, ProviderMode mode)
    {
        var messages = new JsonArray();
        var schemaAdded = mode.Structured == StructuredMode.JsonSchema || request.Messages.Any(m => m.Text.Contains(request.Schema, StringComparison.Ordinal));
        foreach (var m in request.Messages)
        {
            var text = m.Text;
            if (!schemaAdded && m.Role == LlmRole.System)
            {
                text += "\n\nReply with only a JSON object that follows this JSON schema:\n" + request.Schema;
                schemaAdded = true;
            }
            messages.Add(new JsonObject { ["role"] = m.Role switch { LlmRole.System => "system", LlmRole.Assistant => "assistant", _ => "user" }, ["content"] = text });
        }
        if (!schemaAdded) messages.Insert(0, new JsonObject { ["role"] = "system", ["content"] = "Reply with only a JSON object that follows this JSON schema:\n" + request.Schema });
        return messages;
    }
}
