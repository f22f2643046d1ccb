using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

/// <summary>`paperdigest doctor` against the fake Hugging Face, arXiv and LLM servers on 127.0.0.1.</summary>
public sealed class DoctorCommandTests : IAsyncLifetime
{
    private const string Key = "sk-test-SECRET-0123456789";
    private FakeHuggingFaceServer _hf = null!;
    private FakeArxivTopics _arxiv = null!;
    private FakeLlmServer _llm = null!;
    private readonly CliRunner _cli = new();

    public async Task InitializeAsync()
    {
        _hf = await FakeHuggingFaceServer.StartAsync();
        _arxiv = await FakeArxivTopics.StartAsync();
        _llm = await FakeLlmServer.StartAsync();
        _arxiv.Set("cs.AI", new FakePaper("2609.00001", "A paper", "An abstract."));
        _cli.UseFakes(_hf, _llm, Key);
        _cli.Env["ARXIV_API_URL"] = _arxiv.ApiUrl.ToString();
        _cli.Env["PAPERDIGEST_ARXIV__MIN_INTERVAL_SECONDS"] = "0.001";
    }

    public async Task DisposeAsync()
    {
        await _hf.DisposeAsync();
        await _arxiv.DisposeAsync();
        await _llm.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Doctor_EverythingWorks_AllOkExit0()
    {
        // When
        var result = await _cli.RunAsync("doctor");

        // Then: one ok line per check, nothing failed, no key shown
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("FAIL", result.Out);
        Assert.Contains("ok   configuration:", result.Out);
        Assert.Contains("ok   store:", result.Out);
        Assert.Contains("ok   Hugging Face:", result.Out);
        Assert.Contains("ok   arXiv:", result.Out);
        Assert.Contains("reachable, key accepted, model gpt-4o-mini known", result.Out);
        Assert.Contains("ok   LLM structured output: json_schema works", result.Out);
        Assert.Contains("ok   LLM language: the reply came in Chinese", result.Out);
        Assert.Contains("with cached prompt tokens (32)", result.Out);
        Assert.Contains("`daily` can run.", result.Out);
        Assert.DoesNotContain(Key, result.Out + result.Error);
        Assert.Equal(1, _llm.ChatRequests);
    }

    [Fact]
    public async Task Doctor_EmbeddingsModelServed_SaysItsDimensionsExit0()
    {
        // Given an embeddings model the endpoint serves
        _cli.Env["PAPERDIGEST_LLM__EMBEDDINGS_MODEL"] = "text-embedding-3-small";

        // When
        var result = await _cli.RunAsync("doctor");

        // Then one request to /embeddings, and the line says what it answered
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"ok   LLM embeddings: text-embedding-3-small answered in", result.Out);
        Assert.Contains($"({FakeEmbeddings.Dimensions} dimensions)", result.Out);
        Assert.Equal(1, _llm.Embeddings.Requests);
    }

    [Fact]
    public async Task Doctor_EmbeddingsModelUnknown_SaysWhatToFixButDailyCanRunExit0()
    {
        // Given an embeddings model the endpoint does not serve (404 model_not_found)
        _cli.Env["PAPERDIGEST_LLM__EMBEDDINGS_MODEL"] = "no-such-embedder";

        // When
        var result = await _cli.RunAsync("doctor");

        // Then the failure names the key and the fallback, and `daily` can still run (offline ranking)
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("FAIL LLM embeddings: no-such-embedder: the embeddings endpoint answered HTTP 404", result.Out);
        Assert.Contains("; set llm.embeddings_model (PAPERDIGEST_LLM__EMBEDDINGS_MODEL) to an embeddings model this endpoint serves, or remove it; until then", result.Out);
        Assert.Contains("`daily` can run.", result.Out);
        Assert.DoesNotContain(Key, result.Out + result.Error);
    }

    [Fact]
    public async Task Doctor_KeyRefused_SaysKeyRefusedExit1WithoutTheKey()
    {
        // Given: the provider answers 401 and echoes the key, as real ones do
        _llm.Always = LlmFault.EchoKey;

        // When
        var result = await _cli.RunAsync("doctor");

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL LLM:", result.Out);
        Assert.Contains("key refused", result.Out);
        Assert.Contains("OPENAI_API_KEY", result.Out);
        Assert.DoesNotContain(Key, result.Out + result.Error);
    }

    [Fact]
    public async Task Doctor_HuggingFaceUnreachable_FailsExit1()
    {
        // Given
        _cli.Env["HF_ENDPOINT"] = ClosedPort.BaseUrl().ToString();

        // When
        var result = await _cli.RunAsync("doctor");

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL Hugging Face:", result.Out);
        Assert.Contains("HF_ENDPOINT", result.Out);
        Assert.Contains("`daily` cannot run as configured", result.Out);
    }

    [Fact]
    public async Task Doctor_DeepSeekProfile_ReportsJsonObjectAndRemembersIt()
    {
        // Given: DeepSeek refuses json_schema
        _llm.Profile = LlmProfile.DeepSeek;

        // When: doctor, then doctor again
        var first = await _cli.RunAsync("doctor");
        var rejected = _llm.Rejected;
        var second = await _cli.RunAsync("doctor");

        // Then: json_object is what works, and the second run starts with it (the mode the negotiation remembered)
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("ok   LLM structured output: json_object works", first.Out);
        Assert.Equal(1, rejected);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("json_object works", second.Out);
        Assert.Equal(rejected, _llm.Rejected);
    }

    [Fact]
    public async Task Doctor_ModelUnknown_SaysModelUnknownExit1()
    {
        // Given: a server that answers as OpenAI does for a model it does not serve
        await using var server = await FakeHttpServer.StartAsync(async ctx =>
        {
            ctx.Response.StatusCode = 404;
            ctx.Response.ContentType = "application/json";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(ctx.Response,
                """{"error":{"message":"The model `gpt-9` does not exist or you do not have access to it.","type":"invalid_request_error","code":"model_not_found"}}""");
        });
        _cli.Env["OPENAI_BASE_URL"] = new Uri(server.BaseAddress, "v1/").ToString();

        // When
        var result = await _cli.RunAsync("doctor");

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("model unknown", result.Out);
        Assert.Contains("llm.model", result.Out);
    }

    [Fact]
    public async Task Doctor_NoLlmConfigured_SaysOfflineExit0()
    {
        // Given
        _cli.Env.Remove("OPENAI_API_KEY");
        _cli.Env.Remove("OPENAI_BASE_URL");

        // When
        var result = await _cli.RunAsync("doctor");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("`daily` will run offline", result.Out);
        Assert.Equal(0, _llm.ChatRequests);
    }

    [Fact]
    public async Task Doctor_BadConfigurationKey_NamesTheKeyExit1()
    {
        // Given
        _cli.Env["PAPERDIGEST_LLM__CONCURRENCY"] = "0";

        // When
        var result = await _cli.RunAsync("doctor");

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL configuration:", result.Out);
        Assert.Contains("llm.concurrency", result.Out);
    }

    [Fact]
    public async Task Doctor_ReplyInTheWrongLanguage_FailsNamingDigestLangExit1()
    {
        // Given: the model answers in English when asked for Chinese
        _llm.Always = LlmFault.WrongLanguage;

        // When
        var result = await _cli.RunAsync("doctor");

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL LLM language: asked for Chinese (digest.lang zh)", result.Out);
    }

    [Fact]
    public async Task Doctor_StoreNewerThanThisBuild_FailsSayingBothVersionsExit1()
    {
        // Given: a store written by a newer PaperDigest
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_cli.DbPath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 999;";
            await command.ExecuteNonQueryAsync();
        }

        // When
        var result = await _cli.RunAsync("doctor");

        // Then: said, and the LLM is not asked (its remembered mode lives in that store)
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL store:", result.Out);
        Assert.Contains("schema version 999, newer than this PaperDigest knows", result.Out);
        Assert.Equal(0, _llm.ChatRequests);
    }
}
