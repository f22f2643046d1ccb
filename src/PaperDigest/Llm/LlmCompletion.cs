using System.Text;
using System.Text.Json.Nodes;

namespace PaperDigest.Llm;

/// <summary>
/// One chat completion as the provider sent it, plain or streamed (SSE chunks of <c>choices[0].delta</c>, usage in the
/// final chunk). Reasoning (<c>reasoning_content</c>) is never read; an <c>{"error": …}</c> body is kept as the provider's words.
/// </summary>
internal sealed record LlmCompletion(string? Content, string? Refusal, string? FinishReason, int InputTokens, int OutputTokens, int CachedInputTokens, string? Error)
{
    public static LlmCompletion FromJson(string body)
    {
        var node = JsonNode.Parse(body) as JsonObject ?? throw new FormatException("the answer is not a JSON object");
        if (ErrorOf(node) is { } error) return new(null, null, null, 0, 0, 0, error);
        var choice = node["choices"] is JsonArray { Count: > 0 } choices ? choices[0] : null;
        var message = choice?["message"];
        var (input, output, cached) = UsageOf(node["usage"]);
        return new(Text(message?["content"]), Text(message?["refusal"]), Text(choice?["finish_reason"]), input, output, cached, null);
    }

    public static LlmCompletion FromStream(string body)
    {
        var content = new StringBuilder();
        var refusal = new StringBuilder();
        string? finish = null;
        int input = 0, output = 0, cached = 0;
        var any = false;
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!line.StartsWith("data:", StringComparison.Ordinal)) continue;
            var data = line[5..].Trim();
            if (data == "[DONE]") break;
            if (data.Length == 0) continue;
            var chunk = JsonNode.Parse(data) as JsonObject ?? throw new FormatException("a streamed chunk is not a JSON object");
            if (ErrorOf(chunk) is { } error) return new(null, null, null, 0, 0, 0, error);
            if (chunk["usage"] is JsonObject usage) (input, output, cached) = UsageOf(usage);
            if (chunk["choices"] is not JsonArray { Count: > 0 } choices) continue;
            any = true;
            var delta = choices[0]?["delta"];
            content.Append(Text(delta?["content"]));
            refusal.Append(Text(delta?["refusal"]));
            finish = Text(choices[0]?["finish_reason"]) ?? finish;
        }
        if (!any) throw new FormatException("the stream holds no chunk with choices");
        return new(content.ToString(), refusal.Length > 0 ? refusal.ToString() : null, finish ?? "stop", input, output, cached, null);
    }

    private static string? ErrorOf(JsonObject node) => node["error"] switch
    {
        JsonObject e => e["message"]?.ToString() ?? e.ToJsonString(),
        JsonValue v when v.ToString() is { Length: > 0 } s => s,
        _ => null,
    };

    /// <summary>prompt/completion tokens, and the cached part of the prompt (OpenAI's prompt_tokens_details.cached_tokens, DeepSeek's prompt_cache_hit_tokens).</summary>
    private static (int Input, int Output, int Cached) UsageOf(JsonNode? usage)
    {
        if (usage is not JsonObject u) return (0, 0, 0);
        var cached = Number(u["prompt_tokens_details"]?["cached_tokens"]) ?? Number(u["prompt_cache_hit_tokens"]) ?? 0;
        return (Number(u["prompt_tokens"]) ?? 0, Number(u["completion_tokens"]) ?? 0, cached);
    }

    private static int? Number(JsonNode? n) => n is JsonValue v && v.TryGetValue<long>(out var l) ? (int)Math.Clamp(l, 0, int.MaxValue)
        : n is JsonValue d && d.TryGetValue<double>(out var x) ? (int)Math.Clamp(x, 0, int.MaxValue) : null;

    private static string? Text(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
