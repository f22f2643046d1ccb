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

    /// <summary>Retry-After seconds sent with 429.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    public int MaxInFlight => _maxInFlight;

    /// <summary>Requests answered with 200 and a completion.</summary>
    public int Completions => _completions;

    public int ChatRequests => Http.Requests.Count(r => r.PathAndQuery.EndsWith("/chat/completions", StringComparison.Ordinal));

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
                    ["finish_reason"] = fault == LlmFault.ContentFilter ? "content_filter" : "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 80, ["total_tokens"] = 200 },
            });
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>A reply that follows the request's schema: every field filled, in the asked language.</summary>
    private static JsonObject Reply(JsonObject request, LlmFault fault)
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
