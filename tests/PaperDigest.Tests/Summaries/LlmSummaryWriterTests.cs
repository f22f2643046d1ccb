using PaperDigest.Papers;
using PaperDigest.Summaries;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Summaries;

public sealed class LlmSummaryWriterTests : IAsyncLifetime
{
    private const string Abstract = "We propose RingAttn, which shards attention across devices. It improves accuracy by 12.5% on LongBench.";
    private static readonly SummaryInput Input = new(TempStore.Paper("2601.00001", "RingAttn: Sharded Attention", Abstract), "Abs", Abstract);

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

    private LlmSummaryWriter Writer() => new(_llm.Client, _llm.Options);

    [Fact]
    public async Task WriteAsync_FencedJsonReply_OkFirstTime()
    {
        // Given
        _server.Always = LlmFault.Fenced;

        // When
        var written = await Writer().WriteAsync(Input, SummaryStyles.Keywords, "zh", CancellationToken.None);

        // Then
        Assert.True(written.Ok, written.Error);
        Assert.Equal(1, _server.ChatRequests);
        Assert.Equal(["强化学习", "智能体"], written.Fields["keywords"]!.AsArray().Select(k => k!.GetValue<string>()));
    }

    [Fact]
    public async Task WriteAsync_InventedNumberOnce_ReaskedNamingItAndCorrected()
    {
        // Given: the first reply states 97.3%, which the abstract does not contain
        _server.Enqueue(LlmFault.InventedNumber);

        // When
        var written = await Writer().WriteAsync(Input, SummaryStyles.Keywords, "zh", CancellationToken.None);

        // Then: one more ask, through the same routine, going on from the first reply
        Assert.True(written.Ok);
        Assert.Empty(written.Unsupported);
        Assert.Equal(2, _server.ChatRequests);
        var second = _server.Http.Requests[1].Body;
        Assert.Contains("These numbers in your reply do not occur in the paper text: 97.3%", second);
        Assert.Contains("97.3%", second[..second.IndexOf("These numbers", StringComparison.Ordinal)]);
        Assert.Equal((240, 160), (written.InputTokens, written.OutputTokens));
    }

    [Fact]
    public async Task WriteAsync_InventedNumberAlways_FirstKeptWithItsNumberAfterOneReask()
    {
        // Given
        _server.Always = LlmFault.InventedNumber;

        // When
        var written = await Writer().WriteAsync(Input, SummaryStyles.Keywords, "zh", CancellationToken.None);

        // Then
        Assert.True(written.Ok);
        Assert.Equal(["97.3%"], written.Unsupported);
        Assert.Equal(2, _server.ChatRequests);
    }

    [Fact]
    public async Task WriteAsync_AlwaysInvalid_FailedAfterRetriesNamingProblems()
    {
        // Given
        _server.Always = LlmFault.MissingField;

        // When
        var written = await Writer().WriteAsync(Input, SummaryStyles.Brief, "zh", CancellationToken.None);

        // Then: llm.invalid_reply_retries (2) re-asks, then the problems
        Assert.False(written.Ok);
        Assert.Equal(3, _server.ChatRequests);
        Assert.StartsWith("invalid reply after 3 attempts: the required field", written.Error);
        Assert.Equal(360, written.InputTokens);
    }

    [Fact]
    public async Task WriteAsync_Refusal_PaperFailedWithClearMessage()
    {
        // Given
        _server.Always = LlmFault.Refusal;

        // When
        var written = await Writer().WriteAsync(Input, SummaryStyles.Brief, "zh", CancellationToken.None);

        // Then
        Assert.False(written.Ok);
        Assert.Equal("the model refused: I can't help with that request.", written.Error);
        Assert.Equal(1, _server.ChatRequests);
    }
}
