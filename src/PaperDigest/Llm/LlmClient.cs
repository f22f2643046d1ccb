using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
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
            if (completion.FinishReason == ChatFinishReason.ContentFilter)
                throw new LlmException("the model refused (content filter)");
            var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrEmpty(completion.Refusal))
                throw new LlmException($"the model refused: {Redact(completion.Refusal)}");
            return new LlmReply(text, input, output);
        }
        catch (ClientResultException ex)
        {
            var hint = ex.Status is 401 or 403 ? " (check OPENAI_API_KEY)" : ex.Status == 404 ? " (check OPENAI_BASE_URL and llm.model)" : "";
            throw new LlmException($"the LLM endpoint answered HTTP {ex.Status}{hint}: {Redact(ProviderMessage(ex) ?? FirstLine(ex.Message))}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new LlmException($"the LLM endpoint could not be reached: {Redact(ex.Message)}", ex);
        }
        catch (Exception ex) when (ex is TimeoutException or Polly.Timeout.TimeoutRejectedException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new LlmException($"the LLM did not answer within {_options.TimeoutSeconds} s", ex);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new LlmException($"the LLM endpoint's answer is not an OpenAI chat completion: {Redact(FirstLine(ex.Message))}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

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
