using System.Net.Http;
using System.Net.Sockets;
using PaperDigest.Llm;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Llm;

public sealed class LlmClientTests
{
    private static LlmRequest Request() =>
        new([new(LlmRole.System, "Answer in English."), new(LlmRole.User, "Title: A question")], "answer",
            """{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"],"additionalProperties":false}""");

    [Fact]
    public async Task CompleteAsync_ClosedPort_CouldNotConnectCheckBaseUrl()
    {
        // Given: nothing listens on the port
        var url = ClosedPort.BaseUrl();
        using var llm = new TestLlm(url);

        // When
        var ex = await Assert.ThrowsAsync<LlmException>(() => llm.Client.CompleteAsync(Request(), CancellationToken.None));

        // Then: not "answered HTTP 0"
        Assert.Equal(LlmFailure.Unreachable, ex.Failure);
        Assert.StartsWith($"could not connect to {url}: connection refused; check OPENAI_BASE_URL", ex.Message);
        Assert.DoesNotContain("HTTP 0", ex.Message);
    }

    [Fact]
    public async Task CompleteAsync_NameNotResolved_SaysSoAndNamesBaseUrl()
    {
        // Given: a DNS failure as SocketsHttpHandler reports it (no test resolves a real name)
        using var handler = new ThrowingHandler(new HttpRequestException(HttpRequestError.NameResolutionError,
            "Name or service not known (llm.invalid:443)", new SocketException((int)SocketError.HostNotFound)));
        using var llm = new TestLlm(new Uri("https://llm.invalid/v1/"), handler: handler);

        // When
        var ex = await Assert.ThrowsAsync<LlmException>(() => llm.Client.CompleteAsync(Request(), CancellationToken.None));

        // Then
        Assert.Equal(LlmFailure.Unreachable, ex.Failure);
        Assert.Equal("could not connect to https://llm.invalid/v1/: host not found; check OPENAI_BASE_URL (or llm.base_url)", ex.Message);
    }

    [Fact]
    public async Task CompleteAsync_SlowReply_TimeoutMessageNamesKey()
    {
        // Given: the server answers after 5 s, the client waits 1 s
        await using var server = await FakeLlmServer.StartAsync();
        server.Latency = TimeSpan.FromSeconds(5);
        using var llm = new TestLlm(server.BaseUrl, o => o.TimeoutSeconds = 1);
        var started = TimeProvider.System.GetTimestamp();

        // When
        var ex = await Assert.ThrowsAsync<LlmException>(() => llm.Client.CompleteAsync(Request(), CancellationToken.None));

        // Then
        Assert.Equal(LlmFailure.Timeout, ex.Failure);
        Assert.Equal("the LLM did not answer within 1 s (llm.timeout_seconds)", ex.Message);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task CompleteAsync_Cancelled_NotReportedAsTimeout()
    {
        // Given
        await using var server = await FakeLlmServer.StartAsync();
        server.Latency = TimeSpan.FromSeconds(5);
        using var llm = new TestLlm(server.BaseUrl);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        // When / Then: the caller's cancellation stays a cancellation
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => llm.Client.CompleteAsync(Request(), cts.Token));
    }

    [Theory]
    [InlineData(LlmFault.Refusal, "the model refused: I can't help with that request.")]
    [InlineData(LlmFault.ContentFilter, "the model refused to answer (its provider's content filter stopped the reply)")]
    public async Task CompleteAsync_Refusal_RefusedWithClearMessage(LlmFault fault, string message)
    {
        // Given
        await using var server = await FakeLlmServer.StartAsync();
        server.Always = fault;
        using var llm = new TestLlm(server.BaseUrl);

        // When
        var ex = await Assert.ThrowsAsync<LlmException>(() => llm.Client.CompleteAsync(Request(), CancellationToken.None));

        // Then: the tokens of the refused reply are still counted
        Assert.Equal(LlmFailure.Refused, ex.Failure);
        Assert.Equal(message, ex.Message);
        Assert.Equal(120, llm.Usage.InputTokens);
    }

    [Fact]
    public async Task CompleteAsync_KeyEchoed_Redacted()
    {
        // Given
        await using var server = await FakeLlmServer.StartAsync();
        server.Always = LlmFault.EchoKey;
        using var llm = new TestLlm(server.BaseUrl);

        // When
        var ex = await Assert.ThrowsAsync<LlmException>(() => llm.Client.CompleteAsync(Request(), CancellationToken.None));

        // Then
        Assert.Equal(LlmFailure.Http, ex.Failure);
        Assert.Contains("HTTP 401 (check OPENAI_API_KEY): Incorrect API key provided: ***", ex.Message);
        Assert.DoesNotContain(TestLlm.Key, ex.Message);
    }

    private sealed class ThrowingHandler(Exception exception) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(exception);
    }
}
