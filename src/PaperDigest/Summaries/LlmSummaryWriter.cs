using System.Text;
using System.Text.Json.Nodes;
using PaperDigest.Llm;

namespace PaperDigest.Summaries;

/// <summary>
/// Asks the LLM for a structured summary, validates the reply (schema and language) and asks again, saying what was
/// wrong, at most llm.invalid_reply_retries times; then once more for numbers that the paper does not contain.
/// </summary>
internal sealed class LlmSummaryWriter(LlmClient llm, LlmOptions options) : ISummaryWriter
{
    public string Model => llm.Model;

    public bool IsOffline => false;

    public async Task<WrittenSummary> WriteAsync(SummaryInput input, SummaryStyle style, string lang, CancellationToken cancellationToken)
    {
        var messages = new List<LlmMessage>
        {
            new(LlmRole.System, SystemPrompt(style, lang, options.Structured)),
            new(LlmRole.User, UserPrompt(input)),
        };
        int inputTokens = 0, outputTokens = 0;
        IReadOnlyList<string> problems = [];
        JsonObject? best = null;
        IReadOnlyList<string> bestUnsupported = [];
        var numberRetryUsed = !options.RetryUnsupportedNumbers;

        for (var attempt = 0; attempt <= options.InvalidReplyRetries + 1; attempt++)
        {
            LlmReply reply;
            try
            {
                reply = await llm.CompleteAsync(new LlmRequest(messages, style.SchemaName, style.Schema), cancellationToken);
            }
            catch (LlmException ex)
            {
                return best is not null
                    ? new WrittenSummary(true, best, null, inputTokens, outputTokens, bestUnsupported)
                    : new WrittenSummary(false, [], ex.Message, inputTokens, outputTokens, []);
            }
            inputTokens += reply.InputTokens;
            outputTokens += reply.OutputTokens;

            var (fields, found) = SummaryValidator.Validate(reply.Text, style, lang);
            if (fields is null)
            {
                problems = found;
                if (attempt >= options.InvalidReplyRetries) break;
                messages.Add(new(LlmRole.Assistant, Truncate(reply.Text, 4000)));
                messages.Add(new(LlmRole.User,
                    "Your reply was not valid: " + string.Join("; ", found) + ". Reply again with only the JSON object, every field filled, in the asked language."));
                continue;
            }

            var unsupported = NumberCheck.FindUnsupported(SummaryText.Of(fields), input.Paper.Title + "\n" + input.Text);
            if (best is null || unsupported.Count < bestUnsupported.Count)
            {
                best = fields;
                bestUnsupported = unsupported;
            }
            if (unsupported.Count == 0 || numberRetryUsed) break;

            numberRetryUsed = true;
            messages.Add(new(LlmRole.Assistant, reply.Text));
            messages.Add(new(LlmRole.User,
                "These numbers in your reply do not occur in the paper text: " + string.Join(", ", unsupported)
                + ". Correct them to numbers the text states, or leave them out. Reply again with the whole JSON object."));
        }

        return best is not null
            ? new WrittenSummary(true, best, null, inputTokens, outputTokens, bestUnsupported)
            : new WrittenSummary(false, [], "invalid reply after " + (options.InvalidReplyRetries + 1) + " attempts: " + string.Join("; ", problems), inputTokens, outputTokens, []);
    }

    internal static string SystemPrompt(SummaryStyle style, string lang, string structured)
    {
        var fields = new StringBuilder();
        foreach (var f in style.Fields)
            fields.Append("- \"").Append(f.Name).Append("\" (").Append(f.Kind == FieldKind.List ? "array of strings" : "string").Append("): ").Append(f.Description).Append('\n');
        if (structured != "json_schema")
            fields.Append("\nJSON schema of the reply:\n").Append(style.Schema).Append('\n');
        return style.Prompt
            .Replace("{{language}}", lang == "en" ? "English" : "Simplified Chinese (简体中文)", StringComparison.Ordinal)
            .Replace("{{fields}}", fields.ToString().TrimEnd(), StringComparison.Ordinal);
    }

    internal static string UserPrompt(SummaryInput input)
    {
        var p = input.Paper;
        var sb = new StringBuilder();
        sb.Append("Title: ").Append(p.Title).Append('\n');
        if (p.Authors.Count > 0) sb.Append("Authors: ").AppendJoin(", ", p.Authors.Take(20)).Append(p.Authors.Count > 20 ? ", et al." : "").Append('\n');
        sb.Append("arXiv: ").Append(p.Id.Versioned).Append('\n');
        sb.Append("\nPaper text (").Append(input.SourceLabel == "Abs" ? "abstract only" : "full text from " + input.SourceLabel).Append("):\n");
        sb.Append(input.Text);
        return sb.ToString();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
