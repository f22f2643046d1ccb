using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Http;
using PaperDigest.Llm;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Llm;

/// <summary>llm.stream: the timeout runs between chunks (through the real "llm" remote), not over the whole answer.</summary>
public sealed class StreamTimeoutTests
{
    private static LlmRequest Request() =>
        new([new(LlmRole.System, "Answer in English. Fields:\n- \"answer\" (string): the answer"), new(LlmRole.User, "Title: A question")], "answer",
            """{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"],"additionalProperties":false}""");

    private static (ServiceProvider Services, LlmClient Client) ClientOver(Uri baseUrl, int timeoutSeconds)
    {
        var options = new LlmOptions { BaseUrl = baseUrl.ToString(), Model = "fake-model", Concurrency = 1, HttpRetries = 0, TimeoutSeconds = timeoutSeconds, Stream = true };
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddRemote(Remotes.Llm(RemoteTiming.From(0, 100, timeoutSeconds)));
        var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteNames.Llm);
        return (provider, new LlmClient(http, options, TestLlm.Key, new LlmUsage()));
    }

    [Fact]
    public async Task CompleteAsync_StreamLongerThanTimeoutButSteady_Answers()
    {
        // Given: a 3 s timeout and a model that sends a few characters every 0.5 s, for well over 3 s in all
        // (the gap leaves 2.5 s of slack, so a loaded CI machine does not time out a steady stream)
        await using var server = await FakeLlmServer.StartAsync();
        server.ChunkGap = TimeSpan.FromMilliseconds(500);
        server.ChunkChars = 6;
        var (services, client) = ClientOver(server.BaseUrl, 3);
        using var _ = services;
        using var __ = client;
        var started = DateTime.UtcNow;

        // When
        var reply = await client.CompleteAsync(Request(), CancellationToken.None);

        // Then: the whole answer arrived although it took longer than llm.timeout_seconds
        Assert.True(DateTime.UtcNow - started > TimeSpan.FromSeconds(3.5), "the stream should have outlasted the timeout");
        Assert.StartsWith("{\"answer\":", reply.Text);
        Assert.True(reply.InputTokens > 0);
    }

    [Fact]
    public async Task CompleteAsync_StreamStalls_TimesOutSayingSo()
    {
        // Given: a 1 s timeout and a model that sends its first chunk at once, then stops for 2.5 s
        await using var server = await FakeLlmServer.StartAsync();
        server.ChunkGap = TimeSpan.FromMilliseconds(2500);
        var (services, client) = ClientOver(server.BaseUrl, 1);
        using var _ = services;
        using var __ = client;

        // When
        var ex = await Assert.ThrowsAsync<LlmException>(() => client.CompleteAsync(Request(), CancellationToken.None));

        // Then
        Assert.Equal(LlmFailure.Timeout, ex.Failure);
        Assert.Contains("streamed answer stopped", ex.Message);
        Assert.Contains("llm.timeout_seconds", ex.Message);
    }
}
