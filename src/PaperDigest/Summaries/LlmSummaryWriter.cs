using System.Text;
using System.Text.Json.Nodes;
using PaperDigest.Llm;

namespace PaperDigest.Summaries;

/// <summary>
/// Asks the LLM for a structured summary through <see cref="StructuredAsk"/> (fields and language checked, re-asked
/// at most llm.invalid_reply_retries times), then once more, through the same routine, for numbers that the paper does not contain.
/// </summary>
internal sealed class LlmSummaryWriter(LlmClient llm, LlmOptions options) : ISummaryWriter
{
    public string Model => llm.Model;

    public bool IsOffline => false;

    public async Task<WrittenSummary> WriteAsync(SummaryInput input, SummaryStyle style, string lang, CancellationToken cancellationToken)
    {
        var request = new LlmRequest(
            [new(LlmRole.System, SystemPrompt(lang)), new(LlmRole.User, PaperPrompt(input) + TaskPrompt(style, lang, options.Structured))],
            style.SchemaName, style.Schema);
        ReplyCheck<JsonObject> Validate(JsonObject reply) => SummaryValidator.Check(reply, style, lang);

        var first = await StructuredAsk.AskAsync(llm, request, Validate, options.InvalidReplyRetries, cancellationToken);
        if (first.Value is not { } fields)
            return new WrittenSummary(false, [], first.Error, first.InputTokens, first.OutputTokens, []);
        var paperText = input.Paper.Title + "\n" + input.Text;
        var unsupported = NumberCheck.FindUnsupported(SummaryText.Of(fields), paperText);
        if (unsupported.Count == 0 || !options.RetryUnsupportedNumbers)
            return new WrittenSummary(true, fields, null, first.InputTokens, first.OutputTokens, unsupported);

        // Once more, naming the numbers the paper does not contain; the reply with fewer such numbers is kept.
        var followUp = request with
        {
            Messages = [.. first.Conversation, new(LlmRole.User,
                "These numbers in your reply do not occur in the paper text: " + string.Join(", ", unsupported)
                + ". Correct them to numbers the text states, or leave them out. Reply again with the whole JSON object.")],
        };
        var second = await StructuredAsk.AskAsync(llm, followUp, Validate, Math.Max(0, options.InvalidReplyRetries - (first.Attempts - 1)), cancellationToken);
        int inputTokens = first.InputTokens + second.InputTokens, outputTokens = first.OutputTokens + second.OutputTokens;
        if (second.Value is { } corrected && NumberCheck.FindUnsupported(SummaryText.Of(corrected), paperText) is var left && left.Count < unsupported.Count)
            return new WrittenSummary(true, corrected, null, inputTokens, outputTokens, left);
        return new WrittenSummary(true, fields, null, inputTokens, outputTokens, unsupported);
    }

    /// <summary>
    /// The prompt opens with what every style of a paper shares, word for word: this system line (it names only the
    /// language), then the paper (<see cref="PaperPrompt"/>); the style's instructions and fields come last
    /// (<see cref="TaskPrompt"/>). Providers with automatic prefix caching bill the second and third style of a paper
    /// mostly as cached input.
    /// </summary>
    internal static string SystemPrompt(string lang) =>
        "You are an expert AI researcher who writes precise digests and reports of new papers for busy researchers and engineers. "
        + "The paper comes first, the task after it. Write every field in " + Language(lang) + ".";

    /// <summary>The paper as every style reads it: title, authors, id and the text that was read.</summary>
    internal static string PaperPrompt(SummaryInput input)
    {
        var p = input.Paper;
        var sb = new StringBuilder();
        sb.Append("Title: ").Append(p.Title).Append('\n');
        if (p.Authors.Count > 0) sb.Append("Authors: ").AppendJoin(", ", p.Authors.Take(20)).Append(p.Authors.Count > 20 ? ", et al." : "").Append('\n');
        sb.Append("arXiv: ").Append(p.Id.Versioned).Append('\n');
        sb.Append("\nPaper text (").Append(input.SourceLabel == "Abs" ? "abstract only" : "full text from " + input.SourceLabel).Append("):\n");
        sb.Append(input.Text);
        sb.Append("\n\n=== End of the paper. The task: ===\n\n");
        return sb.ToString();
    }

    /// <summary>The style's instructions and fields (and, without json_schema, its schema), after the paper.</summary>
    internal static string TaskPrompt(SummaryStyle style, string lang, string structured)
    {
        var fields = new StringBuilder();
        foreach (var f in style.Fields)
            fields.Append("- \"").Append(f.Name).Append("\" (").Append(f.Kind == FieldKind.List ? "array of strings" : "string").Append("): ").Append(f.Description).Append('\n');
        if (structured != "json_schema")
            fields.Append("\nJSON schema of the reply:\n").Append(style.Schema).Append('\n');
        return style.Prompt
            .Replace("{{language}}", Language(lang), StringComparison.Ordinal)
            .Replace("{{fields}}", fields.ToString().TrimEnd(), StringComparison.Ordinal);
    }

    private static string Language(string lang) => lang == "en" ? "English" : "Simplified Chinese (简体中文)";
}
