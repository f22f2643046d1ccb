using System.Text.Json.Nodes;
using PaperDigest.Llm;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Llm;

public sealed class StructuredAskTests : IAsyncLifetime
{
    private const string Schema = """{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"],"additionalProperties":false}""";

    private FakeLlmServer _server = null!;
    private TestLlm _llm = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeLlmServer.StartAsync();
        _llm = new TestLlm(_server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _llm.Dispose();
        await _server.DisposeAsync();
    }

    private static LlmRequest Request() =>
        new([new(LlmRole.System, "Answer in English."), new(LlmRole.User, "Title: A question")], "answer", Schema);

    private static ReplyCheck<string> AnswerField(JsonObject reply) =>
        reply["answer"]?.GetValue<string>() is { Length: > 0 } s ? ReplyCheck<string>.Valid(s) : ReplyCheck<string>.Invalid("the field \"answer\" is missing");

    [Fact]
    public async Task AskAsync_InvalidThenValid_ReaskNamesProblems()
    {
        // Given
        _server.Enqueue(LlmFault.NotJson);

        // When
        var reply = await StructuredAsk.AskAsync(_llm.Client, Request(), AnswerField, retries: 2, CancellationToken.None);

        // Then: the second request shows the model its reply and names what was wrong
        Assert.True(reply.Ok);
        Assert.Equal(2, reply.Attempts);
        Assert.Equal(2, _server.ChatRequests);
        var second = _server.Http.Requests[1].Body;
        Assert.Contains("Your reply was not valid: the reply is not valid JSON", second);
        Assert.Contains("Sure! Here is a summary", second);
        Assert.Equal((240, 160), (reply.InputTokens, reply.OutputTokens));
        Assert.Equal(LlmRole.Assistant, reply.Conversation[^1].Role);
    }

    [Fact]
    public async Task AskAsync_AlwaysInvalid_StopsAfterRetriesPlusOne()
    {
        // Given: every reply lacks the field
        _server.Always = LlmFault.MissingField;

        // When
        var reply = await StructuredAsk.AskAsync(_llm.Client, Request(), AnswerField, retries: 2, CancellationToken.None);

        // Then
        Assert.False(reply.Ok);
        Assert.Equal(3, _server.ChatRequests);
        Assert.Equal(3, reply.Attempts);
        Assert.Equal(LlmFailure.InvalidReply, reply.Failure);
        Assert.Equal("invalid reply after 3 attempts: the field \"answer\" is missing", reply.Error);
        Assert.Equal(["the field \"answer\" is missing"], reply.Problems);
        Assert.Equal(360, reply.InputTokens);
    }

    [Fact]
    public async Task AskAsync_NoRetries_AsksOnce()
    {
        // Given
        _server.Always = LlmFault.NotJson;

        // When
        var reply = await StructuredAsk.AskAsync(_llm.Client, Request(), AnswerField, retries: 0, CancellationToken.None);

        // Then
        Assert.False(reply.Ok);
        Assert.Equal(1, _server.ChatRequests);
    }

    [Fact]
    public async Task AskAsync_FencedReply_AcceptedFirstTime()
    {
        // Given
        _server.Always = LlmFault.Fenced;

        // When
        var reply = await StructuredAsk.AskAsync(_llm.Client, Request(), AnswerField, retries: 2, CancellationToken.None);

        // Then
        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(1, _server.ChatRequests);
        Assert.Contains("answer is described", reply.Value);
    }

    [Theory]
    [InlineData(LlmFault.Refusal, "the model refused: I can't help with that request.")]
    [InlineData(LlmFault.ContentFilter, "the model refused to answer (its provider's content filter stopped the reply)")]
    public async Task AskAsync_Refusal_FailureWithoutReask(LlmFault fault, string message)
    {
        // Given
        _server.Always = fault;

        // When
        var reply = await StructuredAsk.AskAsync(_llm.Client, Request(), AnswerField, retries: 2, CancellationToken.None);

        // Then: a refusal is that ask's failure; asking again would be paid for and refused again
        Assert.False(reply.Ok);
        Assert.Equal(LlmFailure.Refused, reply.Failure);
        Assert.Equal(message, reply.Error);
        Assert.Equal(1, _server.ChatRequests);
    }
}
