using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using PaperDigest.Http;
using OpenAI.Chat;

namespace PaperDigest.Llm;

/// <summary>
/// The one seam to the model: the official OpenAI SDK pointed at any OpenAI-compatible base URL, over the
/// "llm" HttpClient (whose handler retries 429/5xx honouring Retry-After). At most llm.concurrency requests are in flight.
/// </summary>
internal sealed class LlmClient : IDisposable
{
    private readonly ChatClient _chat;
    private readonly LlmOptions _options;
    private readonly SemaphoreSlim _gate;
    private readonly LlmUsage _usage;
    private readonly string? _apiKey;

    public LlmClient(HttpClient http, LlmOptions options, string? apiKey, LlmUsage usage)
    {
        _options = options;
        _usage = usage;
        _apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;
        _gate = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        var clientOptions = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0), // retries live in the HttpClient's Polly pipeline
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            UserAgentApplicationId = "PaperDigest",
        };
        if (!string.IsNullOrEmpty(options.BaseUrl)) clientOptions.Endpoint = new Uri(options.BaseUrl);
        // Local servers (Ollama, vLLM) need no key, but the SDK wants one: send a placeholder that is not a secret.
        _chat = new ChatClient(options.Model, new ApiKeyCredential(_apiKey ?? "no-key"), clientOptions);
    }

    public string Model => _options.Model;

    public async Task<LlmReply> CompleteAsync(LlmRequest request, CancellationToken cancellationToken)
    {
        var messages = request.Messages.Select(ToChatMessage).ToList();
        var chatOptions = new ChatCompletionOptions
        {
            Temperature = (float)_options.Temperature,
            MaxOutputTokenCount = _options.MaxOutputTokens,
            ResponseFormat = _options.Structured switch
            {
                "json_schema" => ChatResponseFormat.CreateJsonSchemaFormat(request.SchemaName, BinaryData.FromString(request.Schema), jsonSchemaIsStrict: true),
                "json_object" => ChatResponseFormat.CreateJsonObjectFormat(),
                _ => null,
            },
        };

        await _gate.WaitAsync(cancellationToken);
        try
        {
            _usage.AddRequest();
            ClientResult<ChatCompletion> result = await _chat.CompleteChatAsync(messages, chatOptions, cancellationToken);
            var completion = result.Value;
            var input = completion.Usage?.InputTokenCount ?? 0;
            var output = completion.Usage?.OutputTokenCount ?? 0;
            _usage.AddTokens(input, output);
            var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(completion.Refusal))
                throw new LlmException(LlmFailure.Refused, $"the model refused: {Redact(FirstLine(completion.Refusal))}");
            if (completion.FinishReason == ChatFinishReason.ContentFilter)
                throw new LlmException(LlmFailure.Refused, "the model refused to answer (its provider's content filter stopped the reply)");
            return new LlmReply(text, input, output);
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
        catch (Exception ex) when (ex is HttpRequestException or ClientResultException { Status: 0 } && CannotConnect(ex) is { } reason)
        {
            // An HttpClient without the "llm" remote's handler (a caller's own): the same words, from the same rule.
            throw new LlmException(LlmFailure.Unreachable, $"could not connect to {Redact(BaseUrl)}: {reason}; check OPENAI_BASE_URL (or llm.base_url)", ex);
        }
        catch (ClientResultException ex) when (ex.Status == 0)
        {
            throw new LlmException(LlmFailure.Http, $"the LLM endpoint {Redact(BaseUrl)} could not be reached: {Redact(FirstLine(ex.InnerException?.Message ?? ex.Message))}", ex);
        }
        catch (ClientResultException ex)
        {
            var hint = ex.Status is 401 or 403 ? " (check OPENAI_API_KEY)" : ex.Status == 404 ? " (check OPENAI_BASE_URL and llm.model)" : "";
            throw new LlmException(LlmFailure.Http, $"the LLM endpoint answered HTTP {ex.Status}{hint}: {Redact(ProviderMessage(ex) ?? FirstLine(ex.Message))}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new LlmException(LlmFailure.Http, $"the LLM endpoint {Redact(BaseUrl)} could not be reached: {Redact(FirstLine(ex.Message))}", ex);
        }
        catch (Exception ex) when (ex is TimeoutException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new LlmException(LlmFailure.Timeout, $"the LLM did not answer within {_options.TimeoutSeconds} s (llm.timeout_seconds)", ex);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new LlmException(LlmFailure.BadAnswer, $"the LLM endpoint's answer is not an OpenAI chat completion: {Redact(FirstLine(ex.Message))}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The endpoint the messages name: the configured base URL, or OpenAI's own.</summary>
    private string BaseUrl => string.IsNullOrEmpty(_options.BaseUrl) ? "https://api.openai.com/v1" : _options.BaseUrl;

    /// <summary>The remote's verdict inside whatever the SDK wrapped it in, or null.</summary>
    private static RemoteException? RemoteFailureOf(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is RemoteException remote) return remote;
        return null;
    }

    /// <summary>Why no connection could be made ("connection refused", "host not found"; Http's one rule), or null.</summary>
    private static string? CannotConnect(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is HttpRequestException http && RemoteException.PermanentReason(http) is { } reason) return reason;
        return null;
    }

    /// <summary>"connection refused", "host not found": the remote's reason, without its URL (the message names the base URL).</summary>
    private static string UnreachableReason(RemoteException remote) => CannotConnect(remote.InnerException ?? remote) ?? FirstLine(remote.Message);

    /// <summary>Removes the API key from any text that may be shown or stored.</summary>
    public string Redact(string text) => _apiKey is null ? text : text.Replace(_apiKey, "***", StringComparison.Ordinal);

    /// <summary>The provider's own words from an error body ({"error": {"message": ...}}), or the body's first line.</summary>
    private static string? ProviderMessage(ClientResultException ex)
    {
        var body = ex.GetRawResponse()?.Content?.ToString();
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(body);
            var message = node?["error"] is System.Text.Json.Nodes.JsonObject e ? e["message"]?.ToString() : node?["error"]?.ToString() ?? node?["message"]?.ToString();
            if (!string.IsNullOrWhiteSpace(message)) return FirstLine(message);
        }
        catch (Exception parse) when (parse is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            // not JSON: fall back to the text
        }
        return FirstLine(body);
    }

    private static string FirstLine(string text)
    {
        var s = text.Trim();
        var nl = s.IndexOf('\n');
        var line = nl < 0 ? s : s[..nl].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    private static ChatMessage ToChatMessage(LlmMessage m) => m.Role switch
    {
        LlmRole.System => new SystemChatMessage(m.Text),
        LlmRole.Assistant => new AssistantChatMessage(m.Text),
        _ => new UserChatMessage(m.Text),
    };

    public void Dispose() => _gate.Dispose();
}
