using PaperDigest.Llm;

namespace PaperDigest.Tests.Llm;

public sealed class KnownRefusalsTests
{
    private static readonly ProviderMode Auto = ProviderMode.Initial("auto");

    [Theory]
    [InlineData("This response_format type is unavailable now", "JsonObject", false, "MaxCompletionTokens")]
    [InlineData("Invalid parameter: 'json_schema' is not supported", "JsonObject", false, "MaxCompletionTokens")]
    [InlineData("<400> InternalError.Algo.InvalidParameter: parameter.enable_thinking must be set to false for non-streaming calls", "JsonSchema", true, "MaxCompletionTokens")]
    [InlineData("""[{"loc":["body","max_completion_tokens"],"msg":"extra fields not permitted"}]""", "JsonSchema", false, "MaxTokens")]
    public void Match_ProviderRefusal_FixesWhatItNames(string message, string structured, bool thinkingOff, string limit)
    {
        // When
        var match = KnownRefusals.Match(message, Auto);

        // Then
        Assert.NotNull(match);
        Assert.Equal(new ProviderMode(Enum.Parse<StructuredMode>(structured), thinkingOff, Enum.Parse<OutputLimitParameter>(limit), true), match.Value.Fixed);
    }

    [Fact]
    public void Match_MaxTokensUnsupported_SwitchesBackToMaxCompletionTokens()
    {
        // Given: max_tokens was sent (learnt earlier); OpenAI's reasoning models want max_completion_tokens
        var sent = Auto with { OutputLimit = OutputLimitParameter.MaxTokens };

        // When
        var match = KnownRefusals.Match("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", sent);

        // Then
        Assert.Equal(OutputLimitParameter.MaxCompletionTokens, match!.Value.Fixed.OutputLimit);
    }

    [Fact]
    public void Match_JsonObjectRefused_StepsDownToNone()
    {
        var match = KnownRefusals.Match("response_format json_object is not supported", Auto with { Structured = StructuredMode.JsonObject });

        Assert.Equal(StructuredMode.None, match!.Value.Fixed.Structured);
    }

    [Theory]
    [InlineData("auto", "None")] // nothing left to step down to
    [InlineData("json_schema", "JsonSchema")] // forced by llm.structured
    public void Match_NothingToChange_Null(string structured, string sent)
    {
        var mode = ProviderMode.Initial(structured) with { Structured = Enum.Parse<StructuredMode>(sent) };

        Assert.Null(KnownRefusals.Match("This response_format type is unavailable now", mode));
    }

    [Fact]
    public void Match_UnknownRefusal_Null()
    {
        Assert.Null(KnownRefusals.Match("Model not found: gpt-5-nano", Auto));
    }

    [Fact]
    public void All_EveryEntryMatchesItsOwnText()
    {
        // One entry per refusal text: each text is distinct and is found by Match from a mode where it applies.
        Assert.Equal(KnownRefusals.All.Count, KnownRefusals.All.Select(e => e.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
