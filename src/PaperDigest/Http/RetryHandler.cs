using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PaperDigest.Http;

/// <summary>Retry and timeout settings of one remote (Hugging Face, arXiv, the LLM).</summary>
internal sealed record RetrySettings(int MaxRetries, TimeSpan BaseDelay, TimeSpan AttemptTimeout, TimeSpan MaxRetryAfter)
{
    public static RetrySettings Default { get; } = new(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120));
}

/// <summary>
/// Runs every request of one named HTTP client through its Polly pipeline: a timeout per attempt, and retries of
/// 408, 429 and 5xx answers and transport errors with exponential backoff that honours Retry-After.
/// </summary>
internal sealed class RetryHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    public static ResiliencePipeline<HttpResponseMessage> BuildPipeline(RetrySettings settings, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time, settings.MaxRetryAfter)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddTimeout(settings.AttemptTimeout);
        return builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The body is buffered so that a retry can send it again.
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Content?.Headers.ToList();
        return await pipeline.ExecuteAsync(async ct =>
        {
            if (body is not null)
            {
                var content = new ByteArrayContent(body);
                foreach (var h in headers!) content.Headers.TryAddWithoutValidation(h.Key, h.Value);
                request.Content = content;
            }
            return await base.SendAsync(request, ct);
        }, cancellationToken);
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: IOException } => true,
        { Result: { } r } => r.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)r.StatusCode >= 500,
        _ => false,
    };

    /// <summary>The server's Retry-After (seconds or a date), capped; null lets Polly use its own backoff.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null) return null;
        var delay = header.Delta ?? (header.Date is { } at ? at - time.GetUtcNow() : null);
        if (delay is null) return null;
        if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        return delay > cap ? cap : delay;
    }
}
