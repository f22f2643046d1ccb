using PaperDigest.Llm;

namespace PaperDigest.Tests.TestSupport;

/// <summary>The real <see cref="LlmClient"/> pointed at a base URL (a <see cref="FakeLlmServer"/>, a closed port), without HTTP retries.</summary>
internal sealed class TestLlm : IDisposable
{
    public const string Key = "sk-test-SECRET-0123456789";

    public TestLlm(Uri baseUrl, Action<LlmOptions>? configure = null, HttpMessageHandler? handler = null)
    {
        Options = new LlmOptions { BaseUrl = baseUrl.ToString(), Model = "fake-model", Concurrency = 1, HttpRetries = 0, TimeoutSeconds = 30 };
        configure?.Invoke(Options);
        // Without the "llm" remote's handler the HttpClient's own timeout stands in for its per-attempt one.
        var timeout = TimeSpan.FromSeconds(Options.TimeoutSeconds);
        Http = handler is null ? new HttpClient { Timeout = timeout } : new HttpClient(handler) { Timeout = timeout };
        Client = new LlmClient(Http, Options, Key, Usage);
    }

    public LlmOptions Options { get; }
    public LlmUsage Usage { get; } = new();
    public HttpClient Http { get; }
    public LlmClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Http.Dispose();
    }
}
