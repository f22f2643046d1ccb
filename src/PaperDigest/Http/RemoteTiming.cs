namespace PaperDigest.Http;

/// <summary>
/// How long one attempt at a remote may take (headers and body), how often a transient failure is tried again, and the
/// longest Retry-After this run waits. The limits are the ranges every options class that feeds a remote validates against.
/// </summary>
internal sealed record RemoteTiming(int Retries, TimeSpan RetryDelay, TimeSpan AttemptTimeout, TimeSpan MaxRetryAfter)
{
    public const int MaxRetries = 10;
    public const int MaxRetryDelayMs = 600_000;
    public const int MaxTimeoutSeconds = 3600;

    /// <summary>The Retry-After this run waits at most unless a remote says otherwise.</summary>
    public static readonly TimeSpan DefaultMaxRetryAfter = TimeSpan.FromSeconds(60);

    public static RemoteTiming From(int retries, int retryDelayMs, int timeoutSeconds) =>
        new(retries, TimeSpan.FromMilliseconds(retryDelayMs), TimeSpan.FromSeconds(timeoutSeconds), DefaultMaxRetryAfter);

    /// <summary>The problems with these values, each naming what it is about; options classes catch them first, by key.</summary>
    public IEnumerable<string> Problems()
    {
        if (Retries is < 0 or > MaxRetries) yield return $"retries must be between 0 and {MaxRetries} (got {Retries})";
        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMilliseconds(MaxRetryDelayMs)) yield return $"the retry delay must be between 0 and {MaxRetryDelayMs} ms (got {RetryDelay.TotalMilliseconds} ms)";
        if (AttemptTimeout < TimeSpan.FromMilliseconds(1) || AttemptTimeout > TimeSpan.FromSeconds(MaxTimeoutSeconds)) yield return $"the timeout must be between 1 ms and {MaxTimeoutSeconds} s (got {AttemptTimeout.TotalSeconds} s)";
        if (MaxRetryAfter < TimeSpan.Zero || MaxRetryAfter > TimeSpan.FromHours(1)) yield return $"the longest Retry-After must be between 0 and 1 h (got {MaxRetryAfter})";
    }
}
