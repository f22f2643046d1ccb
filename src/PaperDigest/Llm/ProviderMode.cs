namespace PaperDigest.Llm;

internal enum StructuredMode { JsonSchema, JsonObject, None }

internal enum OutputLimitParameter { MaxCompletionTokens, MaxTokens }

/// <summary>
/// How requests to one (base URL, model) are shaped: the structured-output mode, whether thinking must be turned off,
/// and which output-limit parameter the server takes. Learnt from its refusals and remembered in the store.
/// </summary>
/// <param name="Negotiated">llm.structured is auto: the structured mode may step down.</param>
internal sealed record ProviderMode(StructuredMode Structured, bool DisableThinking, OutputLimitParameter OutputLimit, bool Negotiated)
{
    public static ProviderMode Initial(string structured) => new(Parse(structured) ?? StructuredMode.JsonSchema, false, OutputLimitParameter.MaxCompletionTokens, structured == "auto");

    public static StructuredMode? Parse(string text) => text switch
    {
        "json_schema" => StructuredMode.JsonSchema,
        "json_object" => StructuredMode.JsonObject,
        "none" => StructuredMode.None,
        _ => null,
    };

    public static string Name(StructuredMode mode) => mode switch
    {
        StructuredMode.JsonSchema => "json_schema",
        StructuredMode.JsonObject => "json_object",
        _ => "none",
    };
}
