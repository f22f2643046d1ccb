using PaperDigest.Llm;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Llm;

/// <summary>The embeddings client over the real LlmClient against the fake /embeddings on 127.0.0.1.</summary>
public sealed class EmbeddingsClientTests : IAsyncLifetime
{
    private FakeLlmServer _llm = null!;

    public async Task InitializeAsync() => _llm = await FakeLlmServer.StartAsync();

    public async Task DisposeAsync() => await _llm.DisposeAsync();

    private (EmbeddingsClient Client, TestLlm Llm) Client(string model = "fake-embed")
    {
        var llm = new TestLlm(_llm.BaseUrl, o => o.EmbeddingsModel = model);
        return (new EmbeddingsClient(llm.Client, model), llm);
    }

    [Fact]
    public async Task EmbedAsync_MoreInputsThanOneRequestTakes_SendsBatchesWithinTheLimitInOrder()
    {
        // Given 4100 texts, more than two requests of OpenAI's 2048 inputs
        var (client, llm) = Client();
        using var _ = llm;
        var texts = Enumerable.Range(0, 4100).Select(i => $"paper number {i} about topic{i % 7} and method{i % 13}").ToList();

        // When they are embedded
        var vectors = await client.EmbedAsync(texts, CancellationToken.None);

        // Then three requests within the limit, none refused, every vector the one of its own text
        Assert.Equal([2048, 2048, 4], _llm.Embeddings.BatchSizes);
        Assert.Equal(0, _llm.Embeddings.Rejected);
        Assert.Equal(4100, vectors.Count);
        Assert.Equal(FakeEmbeddings.Vector(texts[0]), vectors[0]);
        Assert.Equal(FakeEmbeddings.Vector(texts[2049]), vectors[2049]);
        Assert.Equal(FakeEmbeddings.Vector(texts[^1]), vectors[^1]);
        Assert.Equal(3, llm.Usage.Requests);
    }

    [Fact]
    public void Batches_LongTexts_StayUnderTheTokensOfOneRequest()
    {
        // Given 400 texts of the longest length one input may have
        var texts = Enumerable.Repeat(EmbeddingsClient.Cut(new string('a', 100_000)), 400).ToList();

        // When batched
        var batches = EmbeddingsClient.Batches(texts).ToList();

        // Then every text is sent once, no batch above OpenAI's 300k tokens (at the client's over-estimate of 3 characters a token)
        Assert.Equal(400, batches.Sum(b => b.Count));
        Assert.All(batches, b => Assert.True(b.Sum(t => t.Length) / 3 <= 300_000, $"{b.Count} inputs, {b.Sum(t => t.Length)} chars"));
        Assert.True(batches.Count > 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public async Task EmbedAsync_BlankText_IsSentAsSomethingTheEndpointTakes(string blank)
    {
        // Given a library entry with no text worth the name (OpenAI answers 400 to an empty input)
        var (client, llm) = Client();
        using var _ = llm;

        // When it is embedded
        var vectors = await client.EmbedAsync(["a real abstract about robots", blank], CancellationToken.None);

        // Then it gets a vector and nothing is refused
        Assert.Equal(2, vectors.Count);
        Assert.Equal(0, _llm.Embeddings.Rejected);
    }

    [Fact]
    public void Cut_LongText_StaysUnderTheInputLimitAndKeepsSurrogatePairsWhole()
    {
        // Given a text far over 8k tokens, in Chinese with an emoji at every step
        var text = string.Concat(Enumerable.Repeat("机器人😀", 10_000));

        // When cut
        var cut = EmbeddingsClient.Cut(text);

        // Then it is under the limit (each non-ASCII character counted a token) and ends on a whole character
        Assert.True(cut.Length <= EmbeddingsClient.MaxInputTokens);
        Assert.False(char.IsHighSurrogate(cut[^1]));
        Assert.StartsWith(cut, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedAsync_ServerAnswersBase64_DecodesTheFloats()
    {
        // Given a server that answers base64 float32 without being asked
        _llm.Embeddings.AlwaysBase64 = true;
        var (client, llm) = Client();
        using var _ = llm;

        // When a text is embedded
        var vectors = await client.EmbedAsync(["quadruped locomotion on rough terrain"], CancellationToken.None);

        // Then the vector is the floats the server meant
        Assert.Equal(FakeEmbeddings.Vector("quadruped locomotion on rough terrain"), vectors[0]);
    }

    [Fact]
    public async Task EmbedAsync_UnknownModel_ThrowsTheProvidersWordsNamingTheKey()
    {
        // Given a model the endpoint does not serve
        var (client, llm) = Client("text-embedding-9-huge");
        using var _ = llm;

        // When a text is embedded
        var ex = await Assert.ThrowsAsync<LlmException>(() => client.EmbedAsync(["a text"], CancellationToken.None));

        // Then the error is the endpoint's, with its status, and says which key names the model
        Assert.Equal(404, ex.HttpStatus);
        Assert.Contains("The model `text-embedding-9-huge` does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("llm.embeddings_model", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" text-embedding-3-small")]
    [InlineData("text-embedding\n3")]
    public void Validate_EmbeddingsModelNotAName_NamesTheKey(string model)
    {
        var problems = new LlmOptions { EmbeddingsModel = model }.Validate().ToList();
        Assert.Contains(problems, p => p.StartsWith("llm.embeddings_model must be a model name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("text-embedding-3-small")]
    public void Validate_EmbeddingsModelUnsetOrAName_NoProblem(string? model) =>
        Assert.Empty(new LlmOptions { EmbeddingsModel = model }.Validate());
}
