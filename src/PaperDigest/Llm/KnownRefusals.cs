namespace PaperDigest.Llm;

/// <summary>
/// The provider refusals PaperDigest knows how to answer: one entry per refusal text (matched case-insensitively in a
/// 400/422's message), each with the change to the request that the provider asks for. A fix returns null when it does
/// not apply to what was sent (nothing left to step down to), so the refusal is reported as it is.
/// </summary>
internal static class KnownRefusals
{
    internal sealed record Entry(string Text, string Why, Func<ProviderMode, ProviderMode?> Fix);

    public static IReadOnlyList<Entry> All { get; } =
    [
        // Qwen3 on DashScope: "parameter.enable_thinking must be set to false for non-streaming calls".
        new("enable_thinking", "the provider asks for enable_thinking: false",
            m => m.DisableThinking ? null : m with { DisableThinking = true }),
        // OpenAI's reasoning models: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead."
        new("'max_tokens' is not supported", "the provider wants max_completion_tokens",
            m => m.OutputLimit == OutputLimitParameter.MaxTokens ? m with { OutputLimit = OutputLimitParameter.MaxCompletionTokens } : null),
        // Older compatible servers (vLLM, llama.cpp, LM Studio builds): 422 "extra fields not permitted" on max_completion_tokens.
        new("max_completion_tokens", "the provider rejects max_completion_tokens; sending max_tokens",
            m => m.OutputLimit == OutputLimitParameter.MaxCompletionTokens ? m with { OutputLimit = OutputLimitParameter.MaxTokens } : null),
        // DeepSeek: "This response_format type is unavailable now"; others name json_schema or response_format.
        new("response_format", "the provider does not support this structured output mode", StepDown),
        new("json_schema", "the provider does not support json_schema", StepDown),
    ];

    /// <summary>The first entry whose text is in <paramref name="message"/> and whose fix changes <paramref name="sent"/>.</summary>
    public static (Entry Entry, ProviderMode Fixed)? Match(string message, ProviderMode sent)
    {
        foreach (var entry in All)
        {
            if (!message.Contains(entry.Text, StringComparison.OrdinalIgnoreCase)) continue;
            if (entry.Fix(sent) is { } fixedMode && fixedMode != sent) return (entry, fixedMode);
        }
        return null;
    }

    /// <summary>json_schema → json_object → none, only when the mode is negotiated (llm.structured: auto).</summary>
    private static ProviderMode? StepDown(ProviderMode m) => !m.Negotiated ? null : m.Structured switch
    {
        StructuredMode.JsonSchema => m with { Structured = StructuredMode.JsonObject },
        StructuredMode.JsonObject => m with { Structured = StructuredMode.None },
        _ => null,
    };
}
