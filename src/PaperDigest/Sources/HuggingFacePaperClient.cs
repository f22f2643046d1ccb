using System.Net;
using PaperDigest.Papers;
using Polly;
using Polly.Retry;

namespace PaperDigest.Sources;

/// <summary>
/// Hugging Face's per-paper API: GET {HF_ENDPOINT}/api/papers/&lt;id&gt;. A paper HF does not know
/// (404) is an ordinary answer, <c>null</c>; 429 and 5xx are retried honouring Retry-After.
/// </summary>
internal sealed class HuggingFacePaperClient
{
    public const string DefaultEndpoint = "https://huggingface.co";

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <param name="endpoint">HF_ENDPOINT; defaults to the HttpClient's BaseAddress, then https://huggingface.co.</param>
    public HuggingFacePaperClient(HttpClient http, TimeProvider time, Uri? endpoint = null, int maxRetries = 3, TimeSpan? retryBaseDelay = null)
    {
        _http = http;
        var root = (endpoint ?? http.BaseAddress ?? new Uri(DefaultEndpoint)).ToString();
        _endpoint = new Uri(root.EndsWith('/') ? root : root + "/");
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (maxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = retryBaseDelay ?? TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromMinutes(2),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result?.Headers.RetryAfter?.Delta),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }
        _pipeline = builder.Build();
    }

    /// <summary>HF's record of the paper, or null when HF has no such paper.</summary>
    public async Task<HuggingFacePaperInfo?> FindAsync(ArxivId id, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(_endpoint, $"api/papers/{Uri.EscapeDataString(id.Id)}");
        using var response = await _pipeline.ExecuteAsync(
            static (state, ct) => new ValueTask<HttpResponseMessage>(state.Http.GetAsync(state.Uri, ct)),
            (Http: _http, Uri: uri),
            cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Hugging Face answered {(int)response.StatusCode} {response.StatusCode} for {uri}.", null, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return HuggingFacePaperParser.Parse(json);
    }
}
