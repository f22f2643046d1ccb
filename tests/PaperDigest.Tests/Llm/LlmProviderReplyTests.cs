using PaperDigest.Llm;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Llm;

/// <summary>What LlmClient makes of provider answers beyond the plain completion: cut replies, error bodies, streams, reasoning.</summary>
public sealed class LlmProviderReplyTests
{
    private static LlmRequest Request() =>
        new([new(LlmRole.System, "Answer in English. Fields:\n- \"answer\" (string): the answer"), new(LlmRole.User, "Title: A question")], "answer",
            """{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"],"additionalProperties":false}""");

    [Fact]
    public async Task CompleteAsync_CutAtLimit_RetriedOnceWithLargerLimit()
    {
        // Given: replies under a budget of 8000 are cut; the budget is 4000
        await using var server = await FakeLlmServer.StartAsync();
        server.Profile = LlmProfile.CutsShortBudgets;
        using var llm = new TestLlm(server.BaseUrl, o => o.MaxOutputTokens = 4000);

        // When
        var reply = await llm.Client.CompleteAsync(Request(), CancellationToken.None);

        // Then: the second request asked for 8000
        Assert.StartsWith("{", reply.Text);
        Assert.Equal(2, server.ChatRequests);
        Assert.Contains("\"max_completion_tokens\":8000", server.Http.Requests[^1].Body);
    }

    [Fact]
    public async Task CompleteAsync_CutTwice_SaysRaiseTheLimit()
    {
        // Given: even the doubled budget (2000 → 4000) is too short
        await using var server = await FakeLlmServer.StartAsync();
        server.Profile = LlmProfile.CutsShortBudgets;
        using var llm = new TestLlm(server.BaseUrl, o => o.MaxOutputTokens = 2000);

        // When
        var ex = await Assert.ThrowsAsync<LlmException>(() => llm.Client.CompleteAsync(Request(), CancellationToken.None));

        // Then
        Assert.Equal("the reply was cut at llm.max_output_tokens (4000); raise it", ex.Message);
        Assert.Equal(2, server.ChatRequests);
    }

    [Fact]
    public async Task CompleteAsync_Http200WithErrorBody_ProvidersWords()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.ErrorBodyMessage = "Upstream model overloaded, please retry later";
        using var llm = new TestLlm(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<LlmException>(() => llm.Client.CompleteAsync(Request(), CancellationToken.None));

        Assert.Equal(LlmFailure.Http, ex.Failure);
        Assert.Equal("the LLM endpoint answered with an error: Upstream model overloaded, please retry later", ex.Message);
    }

    [Fact]
    public async Task CompleteAsync_StreamedWithReasoning_ContentOnlyAndUsageFromLastChunk()
    {
        // Given: DashScope streams reasoning_content (with braces) before the answer
        await using var server = await FakeLlmServer.StartAsync();
        server.Profile = LlmProfile.DashScope;
        using var llm = new TestLlm(server.BaseUrl, o => o.Stream = true);

        // When
        var reply = await llm.Client.CompleteAsync(Request(), CancellationToken.None);

        // Then
        Assert.StartsWith("{\"answer\":", reply.Text);
        Assert.DoesNotContain("The user wants", reply.Text);
        Assert.Equal((120, 80, 32), (reply.InputTokens, reply.OutputTokens, reply.CachedInputTokens));
        Assert.Contains("\"include_usage\":true", server.Http.Requests[^1].Body);
        Assert.Equal(0, server.Rejected);
    }

    [Fact]
    public async Task CompleteAsync_DeepSeek_StepsDownAndCountsCacheHits()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Profile = LlmProfile.DeepSeek;
        using var llm = new TestLlm(server.BaseUrl);

        var first = await llm.Client.CompleteAsync(Request(), CancellationToken.None);
        await llm.Client.CompleteAsync(Request(), CancellationToken.None);

        Assert.Equal(64, first.CachedInputTokens);
        Assert.Equal(1, server.Rejected); // the json_schema request, once; the second ask starts right
        Assert.Equal(StructuredMode.JsonObject, llm.Client.Mode.Structured);
        Assert.Equal(128, llm.Usage.CachedInputTokens);
    }

    [Fact]
    public async Task CompleteAsync_ForcedJsonSchemaRefused_ReportsProvidersWords()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Profile = LlmProfile.DeepSeek;
        using var llm = new TestLlm(server.BaseUrl, o => o.Structured = "json_schema");

        var ex = await Assert.ThrowsAsync<LlmException>(() => llm.Client.CompleteAsync(Request(), CancellationToken.None));

        Assert.Equal("the LLM endpoint answered HTTP 400: This response_format type is unavailable now", ex.Message);
    }

    [Fact]
    public async Task CompleteAsync_ExtraBody_MergedIntoRequest()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var llm = new TestLlm(server.BaseUrl, o => o.ExtraBody = new() { ["options"] = new System.Text.Json.Nodes.JsonObject { ["num_ctx"] = 32768 }, ["temperature"] = 0.7 });

        await llm.Client.CompleteAsync(Request(), CancellationToken.None);

        Assert.Contains("\"options\":{\"num_ctx\":32768}", server.Http.Requests[^1].Body);
        Assert.Contains("\"temperature\":0.7", server.Http.Requests[^1].Body);
    }
}
