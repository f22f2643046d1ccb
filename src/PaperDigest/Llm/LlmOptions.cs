namespace PaperDigest.Llm;

/// <summary>The `llm` section: which model, how hard to push it, how to ask for structured replies.</summary>
internal sealed class LlmOptions
{
    /// <summary>Any OpenAI-compatible endpoint; OPENAI_BASE_URL sets it too. Null: OpenAI's own, or offline when no key is set either.</summary>
    public string? BaseUrl { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>json_schema (strict structured output), json_object, or none (schema in the prompt only).</summary>
    public string Structured { get; set; } = "json_schema";

    public double Temperature { get; set; } = 0.2;

    /// <summary>How many times an invalid reply (not JSON, missing fields, wrong language) is asked again.</summary>
    public int InvalidReplyRetries { get; set; } = 2;

    /// <summary>Ask once more, naming the numbers that could not be found in the paper.</summary>
    public bool RetryUnsupportedNumbers { get; set; } = true;

    /// <summary>HTTP retries of 429 and 5xx answers (each honours Retry-After).</summary>
    public int HttpRetries { get; set; } = 4;

    /// <summary>First backoff of an HTTP retry when the server sends no Retry-After; it doubles each time.</summary>
    public int RetryDelayMs { get; set; } = 1000;

    public int TimeoutSeconds { get; set; } = 180;

    public int MaxOutputTokens { get; set; } = 4000;

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Model)) yield return "llm.model must not be empty";
        if (Concurrency is < 1 or > 64) yield return $"llm.concurrency must be between 1 and 64 (got {Concurrency})";
        if (Structured is not ("json_schema" or "json_object" or "none")) yield return $"llm.structured must be json_schema, json_object or none (got '{Structured}')";
        if (InvalidReplyRetries is < 0 or > 5) yield return $"llm.invalid_reply_retries must be between 0 and 5 (got {InvalidReplyRetries})";
        if (HttpRetries is < 0 or > 10) yield return $"llm.http_retries must be between 0 and 10 (got {HttpRetries})";
        if (TimeoutSeconds < 1) yield return $"llm.timeout_seconds must be at least 1 (got {TimeoutSeconds})";
        if (Temperature is < 0 or > 2) yield return $"llm.temperature must be between 0 and 2 (got {Temperature})";
        if (BaseUrl is { Length: > 0 } u && !Uri.TryCreate(u, UriKind.Absolute, out _)) yield return $"llm.base_url is not an absolute URL: '{u}'";
    }
}
