namespace PaperDigest.Llm;

/// <summary>The `llm` section: which model, how hard to push it, how to ask for structured replies.</summary>
internal sealed class LlmOptions
{
    /// <summary>Any OpenAI-compatible endpoint; OPENAI_BASE_URL sets it too. Null: OpenAI's own, or offline when no key is set either.</summary>
    public string? BaseUrl { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>auto (json_schema, stepping down to json_object, then none, remembered per base URL and model), or one of those forced.</summary>
    public string Structured { get; set; } = "auto";

    /// <summary>Streamed answers (SSE), usage from the final chunk.</summary>
    public bool Stream { get; set; }

    /// <summary>Merged into every request body (enable_thinking: false, top_k, chat_template_kwargs, Ollama's options).</summary>
    public System.Text.Json.Nodes.JsonObject ExtraBody { get; set; } = [];

    /// <summary>
    /// An embeddings model on the same endpoint (text-embedding-3-small, nomic-embed-text): profile ranking by embeddings
    /// (POST {base}/embeddings) instead of term statistics. Null or empty: the offline ranker.
    /// </summary>
    public string? EmbeddingsModel { get; set; }

    /// <summary>True when <see cref="EmbeddingsModel"/> names a model.</summary>
    public bool HasEmbeddings => !string.IsNullOrEmpty(EmbeddingsModel);

    /// <summary>Per-million-token prices: the run's cost in the closing line and the runs table.</summary>
    public LlmPrices Prices { get; set; } = new();

    public double Temperature { get; set; } = 0.2;

    /// <summary>How many times an invalid reply (not JSON, missing fields, wrong language) is asked again.</summary>
    public int InvalidReplyRetries { get; set; } = 2;

    /// <summary>Ask once more, naming the numbers that could not be found in the paper.</summary>
    public bool RetryUnsupportedNumbers { get; set; } = true;

    /// <summary>HTTP retries of 429 and 5xx answers (each honours Retry-After).</summary>
    public int HttpRetries { get; set; } = 4;

    /// <summary>First backoff of an HTTP retry when the server sends no Retry-After; it doubles each time.</summary>
    public int RetryDelayMs { get; set; } = 1000; // 0 to 60000

    /// <summary>How long one answer may take, body included (1 to <see cref="MaxTimeoutSeconds"/>).</summary>
    public int TimeoutSeconds { get; set; } = 180;

    /// <summary>The reply budget sent with every request (1 to <see cref="MaxOutputTokensLimit"/>).</summary>
    public int MaxOutputTokens { get; set; } = 4000;

    /// <summary>The longest wait for one answer that validation accepts: an hour.</summary>
    public const int MaxTimeoutSeconds = 3600;

    /// <summary>The largest reply budget that validation accepts (no model writes more in one reply).</summary>
    public const int MaxOutputTokensLimit = 200_000;

    /// <summary>Each problem starts with the key it is about (llm.&lt;key&gt;), so the reader can name where the value came from.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Model)) yield return "llm.model must not be empty";
        if (Concurrency is < 1 or > 64) yield return $"llm.concurrency must be between 1 and 64 (got {Concurrency})";
        if (Structured is not ("auto" or "json_schema" or "json_object" or "none")) yield return $"llm.structured must be auto, json_schema, json_object or none (got '{Structured}')";
        foreach (var problem in Prices.Validate()) yield return problem;
        if (InvalidReplyRetries is < 0 or > 5) yield return $"llm.invalid_reply_retries must be between 0 and 5 (got {InvalidReplyRetries})";
        if (HttpRetries is < 0 or > 10) yield return $"llm.http_retries must be between 0 and 10 (got {HttpRetries})";
        if (RetryDelayMs is < 0 or > 60_000) yield return $"llm.retry_delay_ms must be between 0 and 60000 (got {RetryDelayMs})";
        if (TimeoutSeconds is < 1 or > MaxTimeoutSeconds) yield return $"llm.timeout_seconds must be between 1 and {MaxTimeoutSeconds} (got {TimeoutSeconds})";
        if (MaxOutputTokens is < 1 or > MaxOutputTokensLimit) yield return $"llm.max_output_tokens must be between 1 and {MaxOutputTokensLimit} (got {MaxOutputTokens})";
        if (double.IsNaN(Temperature) || Temperature is < 0 or > 2) yield return $"llm.temperature must be between 0 and 2 (got {Temperature})";
        if (EmbeddingsModel is { Length: > 0 } e && (e.Length > 200 || e.Trim() != e || e.Any(char.IsControl)))
            yield return $"llm.embeddings_model must be a model name such as text-embedding-3-small, or null for the offline ranker (got '{e}')";
        if (BaseUrl is { Length: > 0 } u && !IsHttpUrl(u)) yield return $"llm.base_url must be an http:// or https:// URL (got '{u}')";
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
}
