using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PaperDigest.Http;

/// <summary>
/// Every request of one remote: its turn in the <see cref="RemotePacer"/>, then a Polly timeout that covers the headers
/// and the body (the answer is buffered inside the attempt), all under a Polly retry of transient answers and transport
/// errors with exponential backoff that honours Retry-After up to the remote's cap. What will not go away (a refused
/// connection, a name that does not resolve, a Retry-After beyond the cap) fails at once as a <see cref="RemoteException"/>.
/// </summary>
internal sealed partial class RemoteHandler : DelegatingHandler
{
    /// <summary>
    /// A client's own judgement of a successful, buffered answer: true when it is a known glitch worth another attempt
    /// (arXiv's empty page). It runs inside the same retry, so a remote has one retry stack whoever judges.
    /// </summary>
    public static readonly HttpRequestOptionsKey<Func<HttpResponseMessage, CancellationToken, ValueTask<bool>>> RetryWhen = new("PaperDigest.Http.RetryWhen");

    /// <summary>
    /// Set on a request whose answer is streamed (SSE): the attempt's timeout covers the headers, and the body's is
    /// measured between chunks (<see cref="IdleTimeoutStream"/>) instead of over the whole answer.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Streamed = new("PaperDigest.Http.Streamed");

    private readonly RemoteDeclaration _remote;
    private readonly RemotePacer _pacer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly ResiliencePipeline _timeout;

    public RemoteHandler(RemoteDeclaration remote, RemotePacer pacer, TimeProvider time, ILogger<RemoteHandler> logger)
    {
        remote.EnsureValid();
        _remote = remote;
        _pacer = pacer;
        _time = time;
        _logger = logger;
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(remote.Timing.AttemptTimeout).Build();
        var retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (remote.Timing.Retries > 0) retry.AddRetry(RetryOptions());
        _retry = retry.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri ?? new Uri("/", UriKind.Relative);
        var body = await RequestBody.CaptureAsync(request, cancellationToken).ConfigureAwait(false);
        var attempts = 0;
        try
        {
            return await _retry.ExecuteAsync(async ct =>
            {
                attempts++;
                body?.Restore(request);
                return await AttemptAsync(request, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw RemoteException.TimedOut(_remote, url, attempts, ex);
        }
        catch (HttpRequestException ex) when (ex is not RemoteException)
        {
            throw RemoteException.PermanentReason(ex) is { } reason
                ? RemoteException.Unreachable(_remote, url, ex, reason)
                : RemoteException.Transport(_remote, url, attempts, ex);
        }
        catch (IOException ex)
        {
            throw RemoteException.Transport(_remote, url, attempts, ex);
        }
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var turn = await _pacer.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var response = await _timeout.ExecuteAsync(async ct =>
        {
            var answer = await base.SendAsync(request, ct).ConfigureAwait(false);
            try
            {
                if (request.Options.TryGetValue(Streamed, out var streamed) && streamed && answer.IsSuccessStatusCode)
                {
                    answer.Content = IdleTimeout(answer.Content, await answer.Content.ReadAsStreamAsync(ct).ConfigureAwait(false));
                    return answer;
                }
                await answer.Content.LoadIntoBufferAsync(ct).ConfigureAwait(false); // the timeout covers the body too
                return answer;
            }
            catch
            {
                answer.Dispose();
                throw;
            }
        }, cancellationToken).ConfigureAwait(false);

        if (_remote.RetryStatus(response.StatusCode) && RetryAfterParser.Parse(response, _time) is { } wait && wait > _remote.Timing.MaxRetryAfter)
        {
            response.Dispose();
            throw RemoteException.RetryAfterTooLong(_remote, wait, response.StatusCode);
        }
        return response;
    }

    private StreamContent IdleTimeout(HttpContent content, Stream body)
    {
        var wrapped = new StreamContent(new IdleTimeoutStream(body, _remote.Timing.AttemptTimeout, _time));
        foreach (var header in content.Headers) wrapped.Headers.TryAddWithoutValidation(header.Key, header.Value);
        return wrapped;
    }

    private RetryStrategyOptions<HttpResponseMessage> RetryOptions() => new()
    {
        MaxRetryAttempts = _remote.Timing.Retries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = _remote.Timing.RetryDelay,
        MaxDelay = _remote.Timing.MaxRetryAfter > TimeSpan.Zero ? _remote.Timing.MaxRetryAfter : null,
        ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context.CancellationToken),
        DelayGenerator = args => ValueTask.FromResult(RetryAfterParser.Parse(args.Outcome.Result, _time)),
        OnRetry = args =>
        {
            // The one wording of a rate limit, whichever remote answered it: what happened and how long the wait is.
            if (args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
                LogRateLimited(_logger, _remote.DisplayName, Seconds(args.RetryDelay));
            else
                LogRetry(_logger, _remote.DisplayName, args.AttemptNumber + 1, Reason(args.Outcome), args.RetryDelay);
            args.Outcome.Result?.Dispose();
            return default;
        },
    };

    private async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: RemoteException } => false,
        { Exception: HttpRequestException ex } => RemoteException.PermanentReason(ex) is null,
        { Exception: IOException or TimeoutRejectedException } => true,
        { Result: { } r } when _remote.RetryStatus(r.StatusCode) => true,
        { Result: { IsSuccessStatusCode: true, RequestMessage: { } request } r } when request.Options.TryGetValue(RetryWhen, out var judge) =>
            await judge(r, cancellationToken).ConfigureAwait(false),
        _ => false,
    };

    private static string Reason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "timed out",
        { Exception: { } ex } => ex.Message,
        { Result: { IsSuccessStatusCode: true } } => "the client asked for another attempt",
        { Result: { } r } => $"HTTP {(int)r.StatusCode}",
        _ => "unknown",
    };

    /// <summary>"120" for two minutes, "0.25" for a quarter second.</summary>
    internal static string Seconds(TimeSpan delay) =>
        delay.TotalSeconds.ToString(delay.TotalSeconds >= 10 ? "0" : "0.##", System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Remote}: rate limited by the provider, retrying in {Seconds} s")]
    private static partial void LogRateLimited(ILogger logger, string remote, string seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Remote}: attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string remote, int attempt, string reason, TimeSpan delay);
}
