using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaperDigest.Http;

namespace PaperDigest.Llm;

/// <summary>
/// The one seam to the model: JSON over the "llm" HttpClient to any OpenAI-compatible <c>POST {base}/chat/completions</c>
/// (the remote's handler times each attempt and retries 429/5xx honouring Retry-After). At most llm.concurrency requests
/// are in flight. The request's shape (<see cref="ProviderMode"/>) is negotiated from the provider's refusals
/// (<see cref="KnownRefusals"/>), said once as a warning, and remembered per (base URL, model) in the store.
/// </summary>
internal sealed partial class LlmClient : IDisposable
{
    /// <summary>No chat reply PaperDigest asks for comes near this; a larger answer is refused unread.</summary>
    public const int MaxReplyChars = 4_000_000;

    private const int MaxRenegotiations = 4;

    private readonly HttpClient _http;
    private readonly LlmOptions _options;
    private readonly SemaphoreSlim _gate;
    private readonly SemaphoreSlim _modeLoad = new(1, 1);
    private readonly LlmUsage _usage;
    private readonly string? _apiKey;
    private readonly LlmModeStore? _modes;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _learning = new();
    private ProviderMode _mode;
    private bool _modeLoaded;

    public LlmClient(HttpClient http, LlmOptions options, string? apiKey, LlmUsage usage,
        LlmModeStore? modes = null, ILogger<LlmClient>? logger = null, TimeProvider? time = null)
    {
        _http = http;
        _options = options;
        _usage = usage;
        _apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;
        _modes = modes;
        _logger = logger ?? NullLogger<LlmClient>.Instance;
        _time = time ?? TimeProvider.System;
        _gate = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        _mode = ProviderMode.Initial(options.Structured);
    }

    public string Model => _options.Model;

    /// <summary>The request shape in use now (after what was learnt or remembered).</summary>
    public ProviderMode Mode => Volatile.Read(ref _mode);

    /// <summary>Requests the provider refused and that were sent again in another shape, this run.</summary>
    public int RejectedRequests => _rejected;

    private int _rejected;

    public async Task<LlmReply> CompleteAsync(LlmRequest request, CancellationToken cancellationToken)
    {
        await LoadModeAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var limit = _options.MaxOutputTokens;
            var raisedOnce = false;
            for (var shapes = 0; ; shapes++)
            {
                var sent = Mode;
                var answer = await SendAsync(request, sent, limit, cancellationToken);
                if (answer.Refusal is { } refusal)
                {
                    if (shapes < MaxRenegotiations && KnownRefusals.Match(refusal.Message, sent) is { } fix)
                    {
                        Interlocked.Increment(ref _rejected);
                        await LearnAsync(sent, fix.Fixed, fix.Entry, cancellationToken);
                        continue;
                    }
                    throw refusal.Exception;
                }
                var reply = answer.Reply!;
                if (reply.Cut)
                {
                    if (!raisedOnce && limit < LlmOptions.MaxOutputTokensLimit)
                    {
                        LogCut(_logger, limit, Math.Min(limit * 2, LlmOptions.MaxOutputTokensLimit));
                        limit = Math.Min(limit * 2, LlmOptions.MaxOutputTokensLimit);
                        raisedOnce = true;
                        continue;
                    }
                    throw new LlmException(LlmFailure.BadAnswer, $"the reply was cut at llm.max_output_tokens ({limit}); raise it");
                }
                return reply.Value;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Answer(ParsedReply? Reply, Refused? Refusal);

    private sealed record ParsedReply(LlmReply Value, bool Cut);

    private sealed record Refused(string Message, LlmException Exception);

    private async Task<Answer> SendAsync(LlmRequest request, ProviderMode mode, int limit, CancellationToken cancellationToken)
    {
        var (status, body) = await PostAsync("chat/completions", LlmRequestBody.Build(request, mode, _options, limit).ToJsonString(), _options.Stream, cancellationToken);
        if ((int)status >= 400)
        {
            var words = Redact(ProviderMessage(body) ?? $"HTTP {(int)status}");
            var hint = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " (check OPENAI_API_KEY)"
                : status == HttpStatusCode.NotFound ? " (check OPENAI_BASE_URL and llm.model)" : "";
            var error = new LlmException(LlmFailure.Http, $"the LLM endpoint answered HTTP {(int)status}{hint}: {words}", httpStatus: (int)status);
            return new(null, status is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity ? new Refused(ProviderMessage(body) ?? body, error) : new Refused("", error));
        }
        return new(Parse(body), null);
    }

    /// <summary>
    /// One POST of a JSON body to <c>{base}/{path}</c> over the "llm" remote (its retries, Retry-After and timeouts), counted
    /// in the run's usage: the status and the body, or an <see cref="LlmException"/> in the words every caller uses
    /// (chat completions, embeddings).
    /// </summary>
    internal async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, string json, bool streamed, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, BaseUrl.TrimEnd('/') + "/" + path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (_apiKey is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(streamed ? "text/event-stream" : "application/json"));
        _usage.AddRequest();
        try
        {
            if (streamed) message.Options.Set(RemoteHandler.Streamed, true); // the timeout runs between chunks
            using var response = await _http.SendAsync(message, streamed ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.Content.Headers.ContentLength > MaxReplyChars) throw TooLarge();
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (body.Length > MaxReplyChars) throw TooLarge();
            return (response.StatusCode, body);
        }
        catch (Exception ex) when (RemoteFailureOf(ex) is { } remote)
        {
            // The "llm" remote's own verdict (Http/RemoteHandler): refused or unresolvable endpoints are not retried.
            throw remote.Failure switch
            {
                RemoteFailure.Unreachable => new LlmException(LlmFailure.Unreachable, $"could not connect to {Redact(BaseUrl)}: {Redact(UnreachableReason(remote))}; check OPENAI_BASE_URL (or llm.base_url)", ex),
                RemoteFailure.TimedOut => new LlmException(LlmFailure.Timeout, $"the LLM did not answer within {_options.TimeoutSeconds} s (llm.timeout_seconds)", ex),
                _ => new LlmException(LlmFailure.Http, Redact(remote.Message), ex),
            };
        }
        catch (HttpRequestException ex) when (CannotConnect(ex) is { } reason)
        {
            // An HttpClient without the "llm" remote's handler (a caller's own): the same words, from the same rule.
            throw new LlmException(LlmFailure.Unreachable, $"could not connect to {Redact(BaseUrl)}: {reason}; check OPENAI_BASE_URL (or llm.base_url)", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new LlmException(LlmFailure.Http, $"the LLM endpoint {Redact(BaseUrl)} could not be reached: {Redact(FirstLine(ex.Message))}", ex);
        }
        catch (TimeoutException ex) when (streamed)
        {
            throw new LlmException(LlmFailure.Timeout, $"the LLM's streamed answer stopped: {ex.Message} (llm.timeout_seconds)", ex);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new LlmException(LlmFailure.Timeout, $"the LLM did not answer within {_options.TimeoutSeconds} s (llm.timeout_seconds)", ex);
        }
    }

    private static LlmException TooLarge() =>
        new(LlmFailure.BadAnswer, $"the LLM endpoint's answer is larger than {MaxReplyChars / 1_000_000} MB; refused unread");

    /// <summary>A completion (or, streamed, its chunks) into the reply text, without reasoning, and its usage.</summary>
    private ParsedReply Parse(string body)
    {
        LlmCompletion completion;
        try
        {
            completion = _options.Stream && !body.TrimStart().StartsWith('{') ? LlmCompletion.FromStream(body) : LlmCompletion.FromJson(body);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new LlmException(LlmFailure.BadAnswer, $"the LLM endpoint's answer is not an OpenAI chat completion: {Redact(FirstLine(ex.Message))}", ex);
        }
        if (completion.Error is { } providerError)
            throw new LlmException(LlmFailure.Http, $"the LLM endpoint answered with an error: {Redact(FirstLine(providerError))}");
        _usage.AddTokens(completion.InputTokens, completion.OutputTokens, completion.CachedInputTokens);
        var text = ThinkBlock.Strip(completion.Content ?? "");
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(completion.Refusal))
            throw new LlmException(LlmFailure.Refused, $"the model refused: {Redact(FirstLine(completion.Refusal))}");
        if (completion.FinishReason == "content_filter")
            throw new LlmException(LlmFailure.Refused, "the model refused to answer (its provider's content filter stopped the reply)");
        if (completion.FinishReason is null && completion.Content is null)
            throw new LlmException(LlmFailure.BadAnswer, "the LLM endpoint's answer is not an OpenAI chat completion: it has no choices");
        return new(new LlmReply(text, completion.InputTokens, completion.OutputTokens, completion.CachedInputTokens), completion.FinishReason == "length");
    }

    private async Task LoadModeAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _modeLoaded)) return;
        await _modeLoad.WaitAsync(cancellationToken);
        try
        {
            if (_modeLoaded) return;
            if (_modes is not null && await _modes.GetAsync(BaseUrl, Model, _mode.Negotiated, cancellationToken) is { } remembered)
                Volatile.Write(ref _mode, _mode.Negotiated ? remembered : remembered with { Structured = _mode.Structured });
            Volatile.Write(ref _modeLoaded, true);
        }
        finally
        {
            _modeLoad.Release();
        }
    }

    /// <summary>Switches to what <paramref name="next"/> changed (unless a request in flight learnt it first); says so once.</summary>
    private async Task LearnAsync(ProviderMode sent, ProviderMode next, KnownRefusals.Entry entry, CancellationToken cancellationToken)
    {
        ProviderMode learnt;
        lock (_learning)
        {
            learnt = Merge(_mode, sent, next);
            if (learnt == _mode) return;
            Volatile.Write(ref _mode, learnt);
        }
        LogLearnt(_logger, Redact(BaseUrl), Model, entry.Why, Describe(learnt));
        if (_modes is not null) await _modes.SaveAsync(BaseUrl, Model, learnt, _time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Applies what changed between <paramref name="sent"/> and <paramref name="next"/> on top of <paramref name="current"/>.</summary>
    private static ProviderMode Merge(ProviderMode current, ProviderMode sent, ProviderMode next) => current with
    {
        Structured = next.Structured != sent.Structured && next.Structured > current.Structured ? next.Structured : current.Structured,
        DisableThinking = current.DisableThinking || next.DisableThinking,
        OutputLimit = next.OutputLimit != sent.OutputLimit ? next.OutputLimit : current.OutputLimit,
    };

    public static string Describe(ProviderMode mode) =>
        $"structured output {ProviderMode.Name(mode.Structured)}, {(mode.OutputLimit == OutputLimitParameter.MaxTokens ? "max_tokens" : "max_completion_tokens")}"
        + (mode.DisableThinking ? ", enable_thinking: false" : "");

    /// <summary>The endpoint the messages name: the configured base URL, or OpenAI's own.</summary>
    private string BaseUrl => string.IsNullOrEmpty(_options.BaseUrl) ? "https://api.openai.com/v1" : _options.BaseUrl;

    private static RemoteException? RemoteFailureOf(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is RemoteException remote) return remote;
        return null;
    }

    private static string? CannotConnect(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is HttpRequestException http && RemoteException.PermanentReason(http) is { } reason) return reason;
        return null;
    }

    private static string UnreachableReason(RemoteException remote) => CannotConnect(remote.InnerException ?? remote) ?? FirstLine(remote.Message);

    /// <summary>Removes the API key from any text that may be shown or stored.</summary>
    public string Redact(string text) => _apiKey is null ? text : text.Replace(_apiKey, "***", StringComparison.Ordinal);

    /// <summary>The provider's own words from an error body ({"error": {"message": ...}}, {"message": ...}), or the body's first line.</summary>
    internal static string? ProviderMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            var node = JsonNode.Parse(body);
            var message = node?["error"] is JsonObject e ? e["message"]?.ToString() : Words(node?["error"]) ?? Words(node?["message"]) ?? Words(node?["detail"]);
            if (!string.IsNullOrWhiteSpace(message)) return FirstLine(message);
        }
        catch (Exception parse) when (parse is JsonException or InvalidOperationException or ArgumentException)
        {
            // not JSON: fall back to the text
        }
        return FirstLine(body);
    }

    /// <summary>A text value as it is; FastAPI's {"detail": [...]} as compact JSON, so that the refusal table can read it.</summary>
    private static string? Words(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    internal static string FirstLine(string text)
    {
        var s = text.Trim();
        var nl = s.IndexOf('\n');
        var line = nl < 0 ? s : s[..nl].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM {BaseUrl} ({Model}): {Why}; now sending {Mode} (remembered for the next runs)")]
    private static partial void LogLearnt(ILogger logger, string baseUrl, string model, string why, string mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "a reply was cut at llm.max_output_tokens ({Limit}); asking once more with {Raised}; raise llm.max_output_tokens")]
    private static partial void LogCut(ILogger logger, int limit, int raised);

    public void Dispose()
    {
        _gate.Dispose();
        _modeLoad.Dispose();
    }
}
