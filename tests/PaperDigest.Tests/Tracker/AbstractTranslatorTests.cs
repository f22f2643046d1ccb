using PaperDigest.Tests.TestSupport;
using PaperDigest.Tracker;

namespace PaperDigest.Tests.Tracker;

public sealed class AbstractTranslatorTests : IAsyncLifetime
{
    private readonly TempStore _store = new();
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
        _store.Dispose();
    }

    private AbstractTranslator Translator() => new(_llm.Client, _llm.Options, new TrackerStore(_store.Sqlite, TimeProvider.System));

    private static readonly PaperDigest.Papers.Paper English = TempStore.Paper("2609.00001", "A multimodal model", "We propose a multimodal model that reads charts.");

    [Fact]
    public async Task TranslateAsync_FencedJsonReply_TranslatedFirstTime()
    {
        // Given: a model without structured output that fences its JSON in prose (summaries always accepted this)
        _server.Always = LlmFault.Fenced;

        // When
        var result = await Translator().TranslateAsync(English, "zh", CancellationToken.None);

        // Then
        Assert.Null(result.Error);
        Assert.True(result.IsTranslation);
        Assert.Contains("本文的translation部分用中文说明", result.Text);
        Assert.Equal(1, _server.ChatRequests);
    }

    [Fact]
    public async Task TranslateAsync_AlwaysWrongLanguage_OriginalAfterConfiguredRetries()
    {
        // Given
        _server.Always = LlmFault.WrongLanguage;
        _llm.Options.InvalidReplyRetries = 1;

        // When
        var result = await Translator().TranslateAsync(English, "zh", CancellationToken.None);

        // Then: the re-ask names the problem; the original is shown with the reason
        Assert.False(result.IsTranslation);
        Assert.Equal("We propose a multimodal model that reads charts.", result.Text);
        Assert.StartsWith("invalid reply after 2 attempts: the prose must be written in Chinese", result.Error);
        Assert.Equal(2, _server.ChatRequests);
        Assert.Contains("Your reply was not valid: the prose must be written in Chinese", _server.Http.Requests[1].Body);
    }

    [Fact]
    public async Task TranslateAsync_Refusal_OriginalWithReason()
    {
        // Given
        _server.Always = LlmFault.Refusal;

        // When
        var result = await Translator().TranslateAsync(English, "zh", CancellationToken.None);

        // Then
        Assert.False(result.IsTranslation);
        Assert.Equal("the model refused: I can't help with that request.", result.Error);
        Assert.Equal(1, _server.ChatRequests);
    }
}
