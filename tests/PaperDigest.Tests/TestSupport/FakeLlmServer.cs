using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PaperDigest.Tests.TestSupport;

/// <summary>What the fake LLM does with a request.</summary>
public enum LlmFault
{
    None, RateLimited, ServerError, NotJson, MissingField, WrongLanguage, InventedNumber, EchoKey, DuplicateKey,

    /// <summary>The valid JSON inside a ```json fence with prose around it, as models without structured output answer.</summary>
    Fenced,

    /// <summary>No content, a <c>refusal</c> message instead.</summary>
    Refusal,

    /// <summary>No content, finish_reason content_filter.</summary>
    ContentFilter,
}

/// <summary>How a provider answers, as its users' issue threads record it.</summary>
public enum LlmProfile
{
    /// <summary>OpenAI: everything PaperDigest sends is accepted.</summary>
    OpenAi,

    /// <summary>DeepSeek: json_schema is 400 "This response_format type is unavailable now"; json_object needs the word "json" in the prompt; usage has prompt_cache_hit_tokens.</summary>
    DeepSeek,

    /// <summary>Qwen3 on DashScope: a non-streaming call without enable_thinking: false is 400; streamed answers carry reasoning_content first.</summary>
    DashScope,

    /// <summary>A reasoning model behind Ollama / vLLM / LM Studio: the reply starts with a &lt;think&gt; block with braces in it.</summary>
    ThinkBlock,

    /// <summary>A compatible server that rejects max_completion_tokens with 422 (extra fields not permitted).</summary>
    OldServer,

    /// <summary>A reply under 8000 tokens of budget is cut (finish_reason length).</summary>
    CutsShortBudgets,
}

/// <summary>
/// A fake OpenAI-compatible server on 127.0.0.1: POST /v1/chat/completions answers schema-valid JSON built from the
/// request's json_schema (Chinese or English as the prompt asks), with faults that a test switches on per request.
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<LlmFault> _faults = new();
    private int _inFlight;
    private int _maxInFlight;
    private int _completions;

    private FakeLlmServer() { }

    public FakeHttpServer Http { get; private set; } = null!;

    public Uri BaseUrl => new(Http.BaseAddress, "v1/");

    /// <summary>Fault applied to every request when the queue is empty.</summary>
    public LlmFault Always { get; set; }

    public TimeSpan Latency { get; set; }

    /// <summary>A pause before each streamed chunk (a slow model that is still answering).</summary>
    public TimeSpan ChunkGap { get; set; }

    /// <summary>Markdown a real model might write (bold by CJK punctuation, HTML, links, Liquid), added to every text field and list.</summary>
    public string? ModelMarkdown { get; set; }

    /// <summary>How many characters of the answer each streamed chunk carries.</summary>
    public int ChunkChars { get; set; } = 40;

    /// <summary>Retry-After seconds sent with 429.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    public int MaxInFlight => _maxInFlight;

    /// <summary>Which provider's behaviour the server has.</summary>
    public LlmProfile Profile { get; set; }

    /// <summary>Requests answered 400/422 because of what they asked for (the profile's refusals).</summary>
    public int Rejected => _rejected;

    private int _rejected;

    /// <summary>Answer HTTP 200 with {"error": ...} (as some gateways do) to every request.</summary>
    public string? ErrorBodyMessage { get; set; }

    /// <summary>Requests answered with 200 and a completion.</summary>
    public int Completions => _completions;

    public int ChatRequests => Http.Requests.Count(r => r.PathAndQuery.EndsWith("/chat/completions", StringComparison.Ordinal));

    /// <summary>POST /v1/embeddings as OpenAI answers it (deterministic vectors, OpenAI's refusals), with its counters.</summary>
    public FakeEmbeddings Embeddings { get; } = new();

    /// <summary>Faults for the next requests, in order (then <see cref="Always"/>).</summary>
    public void Enqueue(params LlmFault[] faults)
    {
        foreach (var f in faults) _faults.Enqueue(f);
    }

    public static async Task<FakeLlmServer> StartAsync()
    {
        var server = new FakeLlmServer();
        server.Http = await FakeHttpServer.StartAsync(server.HandleAsync);
        return server;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        if (ctx.Request.Path.Value!.EndsWith("/embeddings", StringComparison.Ordinal) && HttpMethods.IsPost(ctx.Request.Method))
        {
            await Embeddings.HandleAsync(ctx);
            return;
        }
        if (!ctx.Request.Path.Value!.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = 404;
            return;
        }
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while ((seen = _maxInFlight) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen) { }
        try
        {
            if (Latency > TimeSpan.Zero) await Task.Delay(Latency);
            var fault = _faults.TryDequeue(out var f) ? f : Always;
            ctx.Request.Body.Position = 0;
            var request = await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject ?? [];
            if (ProfileRefusal(request) is var (status, body))
            {
                Interlocked.Increment(ref _rejected);
                ctx.Response.StatusCode = status;
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync(body);
                return;
            }
            if (ErrorBodyMessage is { } errorBody)
            {
                await ctx.Response.WriteAsJsonAsync(new { error = new { message = errorBody, type = "server_error" } });
                return;
            }
            switch (fault)
            {
                case LlmFault.RateLimited:
                    ctx.Response.StatusCode = 429;
                    ctx.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await ctx.Response.WriteAsJsonAsync(new { error = new { message = "Rate limit reached", type = "requests" } });
                    return;
                case LlmFault.EchoKey: // as real providers do: the key (from the Authorization header) in the error message
                    ctx.Response.StatusCode = 401;
                    await ctx.Response.WriteAsJsonAsync(new { error = new { message = "Incorrect API key provided: " + ctx.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal) } });
                    return;
                case LlmFault.ServerError:
                    ctx.Response.StatusCode = 500;
                    await ctx.Response.WriteAsJsonAsync(new { error = new { message = "The server had an error" } });
                    return;
            }
            var content = fault switch
            {
                LlmFault.NotJson => "Sure! Here is a summary of the paper: it is very good.",
                LlmFault.DuplicateKey => Reply(request, fault).ToJsonString().TrimEnd('}') + ", \"summary\": \"again\", \"keywords\": []}",
                LlmFault.Fenced => "  \nHere is the JSON you asked for:\n\n```json\n" + Reply(request, fault).ToJsonString(new JsonSerializerOptions { WriteIndented = true })
                                   + "\n```\n\nLet me know if {anything} should change.",
                LlmFault.Refusal or LlmFault.ContentFilter => null,
                _ => Reply(request, fault).ToJsonString(),
            };
            Interlocked.Increment(ref _completions);
            var model = request["model"]?.GetValue<string>() ?? "fake";
            var limit = request["max_completion_tokens"]?.GetValue<int>() ?? request["max_tokens"]?.GetValue<int>() ?? int.MaxValue;
            var cut = Profile == LlmProfile.CutsShortBudgets && limit < 8000;
            if (cut) content = content?[..(content.Length / 2)];
            if (Profile == LlmProfile.ThinkBlock && content is not null)
                content = "<think>\nThe user wants {\"summary\": ...} in JSON. Let me think about {braces} first.\n</think>\n\n" + content;
            if (request["stream"]?.GetValue<bool>() == true)
            {
                await StreamAsync(ctx, model, content ?? "", cut ? "length" : "stop");
                return;
            }
            await ctx.Response.WriteAsJsonAsync(new JsonObject
            {
                ["id"] = "chatcmpl-fake",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject
                    {
                        ["role"] = "assistant",
                        ["content"] = content,
                        ["refusal"] = fault == LlmFault.Refusal ? "I can't help with that request." : null,
                    },
                    ["finish_reason"] = fault == LlmFault.ContentFilter ? "content_filter" : cut ? "length" : "stop",
                }),
                ["usage"] = Usage(),
            });
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>The profile's answer to a request it does not take, in the provider's words, or null.</summary>
    private (int Status, string Body)? ProfileRefusal(JsonObject request)
    {
        var format = request["response_format"]?["type"]?.ToString();
        var prompt = string.Concat((request["messages"]?.AsArray() ?? []).Select(m => m?["content"]?.ToString()));
        var streamed = request["stream"]?.GetValue<bool>() == true;
        return Profile switch
        {
            LlmProfile.DeepSeek when format == "json_schema" =>
                (400, """{"error":{"message":"This response_format type is unavailable now","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}"""),
            LlmProfile.DeepSeek when format == "json_object" && !prompt.Contains("json", StringComparison.OrdinalIgnoreCase) =>
                (400, """{"error":{"message":"Prompt must contain the word 'json' in some form to use 'response_format' of type 'json_object'.","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}"""),
            LlmProfile.DashScope when !streamed && request["enable_thinking"]?.GetValue<bool>() != false =>
                (400, """{"error":{"code":"invalid_parameter_error","param":null,"message":"<400> InternalError.Algo.InvalidParameter: parameter.enable_thinking must be set to false for non-streaming calls","type":"invalid_request_error"},"id":"chatcmpl-fake","request_id":"fake"}"""),
            LlmProfile.OldServer when request.ContainsKey("max_completion_tokens") =>
                (422, """{"detail":[{"loc":["body","max_completion_tokens"],"msg":"extra fields not permitted","type":"value_error.extra"}]}"""),
            _ => null,
        };
    }

    private JsonObject Usage() => Profile == LlmProfile.DeepSeek
        ? new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 80, ["total_tokens"] = 200, ["prompt_cache_hit_tokens"] = 64, ["prompt_cache_miss_tokens"] = 56 }
        : new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 80, ["total_tokens"] = 200, ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 32 } };

    /// <summary>SSE as OpenAI streams it: a role chunk, content deltas (DashScope's reasoning_content first), a finish chunk, a usage chunk, [DONE].</summary>
    private async Task StreamAsync(HttpContext ctx, string model, string content, string finish)
    {
        ctx.Response.ContentType = "text/event-stream";
        var first = true;
        async Task Send(JsonObject chunk)
        {
            chunk["id"] = "chatcmpl-fake";
            chunk["object"] = "chat.completion.chunk";
            chunk["model"] = model;
            if (ChunkGap > TimeSpan.Zero && !first) await Task.Delay(ChunkGap); // the first chunk (and the headers) at once
            first = false;
            await ctx.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n");
            await ctx.Response.Body.FlushAsync();
        }
        JsonObject Delta(JsonObject delta, string? reason = null) =>
            new() { ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = reason }) };
        await Send(Delta(new JsonObject { ["role"] = "assistant", ["content"] = "" }));
        if (Profile == LlmProfile.DashScope)
            foreach (var part in new[] { "The user wants {\"a\": 1}", " in JSON; I will answer." })
                await Send(Delta(new JsonObject { ["content"] = null, ["reasoning_content"] = part }));
        for (var i = 0; i < content.Length; i += ChunkChars)
            await Send(Delta(new JsonObject { ["content"] = content.Substring(i, Math.Min(ChunkChars, content.Length - i)) }));
        await Send(Delta([], finish));
        await Send(new JsonObject { ["choices"] = new JsonArray(), ["usage"] = Usage() });
        await ctx.Response.WriteAsync("data: [DONE]\n\n");
    }

    /// <summary>A reply that follows the request's schema: every field filled, in the asked language.</summary>
    private JsonObject Reply(JsonObject request, LlmFault fault)
    {
        var messages = request["messages"]?.AsArray() ?? [];
        var system = messages.Select(m => m?["content"]?.ToString() ?? "").FirstOrDefault() ?? "";
        var user = messages.Select(m => m?["content"]?.ToString() ?? "").Skip(1).FirstOrDefault() ?? "";
        var english = system.Contains("in English", StringComparison.Ordinal);
        if (fault == LlmFault.WrongLanguage) english = !english;
        var title = user.Split('\n').FirstOrDefault(l => l.StartsWith("Title: ", StringComparison.Ordinal))?["Title: ".Length..] ?? "the paper";

        var schema = request["response_format"]?["json_schema"]?["schema"] as JsonObject;
        var names = schema?["properties"] is JsonObject props
            ? props.Select(p => (p.Key, IsArray: p.Value?["type"]?.ToString() == "array")).ToList()
            : FieldsFromPrompt(system + "\n" + user);
        var reply = new JsonObject();
        foreach (var (name, isArray) in names)
        {
            if (isArray)
                reply[name] = new JsonArray(english ? ["reasoning", "agents"] : ["强化学习", "智能体"]);
            else
                reply[name] = english
                    ? $"For {title}, the {name.Replace('_', ' ')} is described in plain words."
                    : $"针对《{title}》，本文的{name}部分用中文说明了研究内容与方法。";
        }
        if (ModelMarkdown is { } markdown)
            foreach (var (name, isArray) in names)
                if (isArray) reply[name]!.AsArray().Add(markdown);
                else reply[name] = reply[name]!.GetValue<string>() + markdown;
        if (fault == LlmFault.MissingField && names.Count > 0) reply.Remove(names[^1].Key);
        if (fault == LlmFault.InventedNumber && names.Any(n => n.Key == "main_results"))
            reply["main_results"] = english ? "Accuracy reached 97.3% on the benchmark." : "该方法的准确率达到97.3%。";
        return reply;
    }

    /// <summary>Without json_schema (llm.structured json_object/none) the field names are in the prompt: "- \"name\" (string): ...".</summary>
    private static List<(string Key, bool IsArray)> FieldsFromPrompt(string system) =>
        system.Split('\n')
            .Where(l => l.StartsWith("- \"", StringComparison.Ordinal))
            .Select(l => (l[3..l.IndexOf('"', 3)], l.Contains("(array", StringComparison.Ordinal)))
            .ToList();

    public ValueTask DisposeAsync() => Http.DisposeAsync();
}
