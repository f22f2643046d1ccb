using PaperDigest.Configuration;

namespace PaperDigest.Tests.Configuration;

public sealed class AppOptionsReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pd-config-").FullName;

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, "paperdigest.yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void Read_NoFileNoEnv_BuiltInDefaults()
    {
        // When
        var options = AppOptionsReader.Read(null, _dir, new Dictionary<string, string>());

        // Then
        Assert.Equal("gpt-4o-mini", options.Llm.Model);
        Assert.Equal(4, options.Llm.Concurrency);
        Assert.Equal("auto", options.Llm.Structured);
        Assert.Equal("zh", options.Digest.Lang);
        Assert.Equal(["brief"], options.Digest.Styles);
        Assert.Equal("https://huggingface.co", options.HuggingFace.Endpoint);
        Assert.Null(options.Llm.BaseUrl);
    }

    [Fact]
    public void Read_GithubSection_BoundFromYamlAndEnvironment()
    {
        // Given: fetch_stars in the file, the API URL in the environment
        Write("""
            github:
              fetch_stars: false
            """);
        var env = new Dictionary<string, string> { ["PAPERDIGEST_GITHUB__API_URL"] = "http://127.0.0.1:9/" };

        // When
        var options = AppOptionsReader.Read(null, _dir, env);

        // Then
        Assert.False(options.GitHub.FetchStars);
        Assert.Equal("http://127.0.0.1:9/", options.GitHub.ApiUrl);
        Assert.True(new AppOptions().GitHub.FetchStars);
        Assert.Equal("https://api.github.com", new AppOptions().GitHub.ApiUrl);
    }

    [Fact]
    public void Read_GithubApiUrlNotAUrl_ErrorNamesKey()
    {
        // Given
        Write("""
            github:
              api_url: api.github.com
            """);

        // When
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, new Dictionary<string, string>()));

        // Then
        Assert.Contains("github.api_url", ex.Message);
    }

    [Fact]
    public void Read_YamlSnakeCaseKeys_Bound()
    {
        // Given
        Write("""
            llm:
              model: deepseek-chat
              concurrency: 8
              structured: json_object
              retry_unsupported_numbers: false
            digest:
              lang: en
              styles: [brief, keywords]
            huggingface:
              lookback_days: 3
            """);

        // When
        var options = AppOptionsReader.Read(null, _dir, new Dictionary<string, string>());

        // Then
        Assert.Equal("deepseek-chat", options.Llm.Model);
        Assert.Equal(8, options.Llm.Concurrency);
        Assert.Equal("json_object", options.Llm.Structured);
        Assert.False(options.Llm.RetryUnsupportedNumbers);
        Assert.Equal("en", options.Digest.Lang);
        Assert.Equal(["brief", "keywords"], options.Digest.Styles);
        Assert.Equal(3, options.HuggingFace.LookbackDays);
    }

    [Fact]
    public void Read_Precedence_YamlThenConventionalThenPaperDigestVariables()
    {
        // Given
        Write("llm:\n  model: from-yaml\n  base_url: http://yaml.local/v1\n");
        var env = new Dictionary<string, string>
        {
            ["OPENAI_BASE_URL"] = "http://conventional.local/v1",
            ["HF_ENDPOINT"] = "http://hf-mirror.local",
            ["PAPERDIGEST_LLM__MODEL"] = "from-env",
            ["PAPERDIGEST_LLM__CONCURRENCY"] = "8",
            ["PAPERDIGEST_DB"] = "/tmp/x.db",
        };

        // When
        var options = AppOptionsReader.Read(null, _dir, env);

        // Then
        Assert.Equal("from-env", options.Llm.Model);
        Assert.Equal(8, options.Llm.Concurrency);
        Assert.Equal("http://conventional.local/v1", options.Llm.BaseUrl); // the environment wins over the file
        Assert.Equal("http://hf-mirror.local", options.HuggingFace.Endpoint);
        Assert.Equal("/tmp/x.db", options.Store.Path);
    }

    [Theory]
    [InlineData("llm:\n  model: a\n  model: b\n", "Duplicate key")]
    [InlineData("llm:\n  model: *nowhere\n", "nowhere")]
    [InlineData("? [a, b]\n: 1\n", "a key must be a plain name")]
    public void Read_YamlThatOnlyFailsWhenBuilt_ExitMessageNotCrash(string yaml, string expected)
    {
        // Given
        var path = Write(yaml);

        // When
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, new Dictionary<string, string>()));

        // Then
        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Read_YamlSyntaxError_NamesFileAndLine()
    {
        // Given
        var path = Write("llm:\n  model: x\n  concurrency: [1, 2\ndigest:\n  lang: zh\n");

        // When
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, new Dictionary<string, string>()));

        // Then
        Assert.Contains(path + ":", ex.Message);
        Assert.Contains("YAML syntax error", ex.Message);
    }

    [Fact]
    public void Read_UnknownKey_NamesKeyLineAndKnownKeys()
    {
        // Given
        var path = Write("llm:\n  model: x\n  concurency: 8\n");

        // When
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, new Dictionary<string, string>()));

        // Then
        Assert.Contains($"{path}:3", ex.Message);
        Assert.Contains("'llm.concurency'", ex.Message);
        Assert.Contains("concurrency", ex.Message);
    }

    [Fact]
    public void Read_WrongType_NamesKeyAndLine()
    {
        // Given
        var path = Write("digest:\n  lang: zh\nllm:\n  concurrency: many\n");

        // When
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, new Dictionary<string, string>()));

        // Then
        Assert.Contains($"{path}:4", ex.Message);
        Assert.Contains("'llm.concurrency' must be a whole number", ex.Message);
    }

    [Fact]
    public void Read_BadEnvironmentVariable_NamesTheVariable()
    {
        // Given
        var env = new Dictionary<string, string> { ["PAPERDIGEST_LLM__CONCURRENCY"] = "lots" };

        // When
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, env));

        // Then
        Assert.Contains("PAPERDIGEST_LLM__CONCURRENCY", ex.Message);
    }

    [Fact]
    public void Read_OutOfRangeValue_ValidationNamesKey()
    {
        // Given
        Write("llm:\n  concurrency: 0\n  structured: xml\n");

        // When
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, new Dictionary<string, string>()));

        // Then
        Assert.Contains("llm.concurrency must be between 1 and 64", ex.Message);
        Assert.Contains("llm.structured must be auto, json_schema, json_object or none", ex.Message);
    }

    [Theory]
    [InlineData("arxiv:\n  retry_delay_ms: -1\n", "arxiv.retry_delay_ms must be between 0 and 600000 (got -1)")]
    [InlineData("arxiv:\n  timeout_seconds: 100000\n", "arxiv.timeout_seconds must be between 1 and 3600 (got 100000)")]
    [InlineData("huggingface:\n  retry_delay_ms: -1\n", "huggingface.retry_delay_ms must be between 0 and 600000 (got -1)")]
    [InlineData("huggingface:\n  timeout_seconds: 100000\n", "huggingface.timeout_seconds must be between 1 and 3600 (got 100000)")]
    [InlineData("reading:\n  timeout_seconds: 100000\n", "reading.timeout_seconds must be between 1 and 3600 (got 100000)")]
    [InlineData("reading:\n  requests_per_second: 0\n", "reading.requests_per_second must be between 1 and 100 (got 0)")]
    [InlineData("github:\n  api_url: ftp://example.org\n", "github.api_url is not an absolute http(s) URL")]
    public void Read_OutOfRangeRemoteTiming_ValidationNamesKeyBeforePollySeesIt(string yaml, string expected)
    {
        // Given a timing value Polly would reject with its own ValidationException
        Write(yaml);

        // When
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, new Dictionary<string, string>()));

        // Then the message names the key and the value
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OpenAiBaseUrlNotHttp_ErrorNamesVariableAndKey()
    {
        // Given
        var env = new Dictionary<string, string> { ["OPENAI_BASE_URL"] = "ftp://llm.example/v1" };

        // When
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, env));

        // Then
        Assert.Equal("Invalid configuration: environment variable OPENAI_BASE_URL: llm.base_url must be an http:// or https:// URL (got 'ftp://llm.example/v1').", ex.Message);
    }

    [Fact]
    public void Read_OutOfRangeTimingInYaml_ErrorNamesFileLineAndKey()
    {
        // Given
        var file = Write("llm:\n  model: x\n  timeout_seconds: 100000\n  retry_delay_ms: -1\n  max_output_tokens: 0\n");

        // When
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, new Dictionary<string, string>()));

        // Then
        Assert.Contains($"{file}:4: llm.retry_delay_ms must be between 0 and 60000 (got -1)", ex.Message);
        Assert.Contains($"{file}:3: llm.timeout_seconds must be between 1 and 3600 (got 100000)", ex.Message);
        Assert.Contains($"{file}:5: llm.max_output_tokens must be between 1 and 200000 (got 0)", ex.Message);
    }

    [Fact]
    public void Read_OutOfRangeFromPaperDigestVariable_NamesTheVariable()
    {
        // Given: the file sets a good value, the environment a bad one (the environment wins, so it is named)
        Write("llm:\n  timeout_seconds: 60\n");
        var env = new Dictionary<string, string> { ["PAPERDIGEST_LLM__TIMEOUT_SECONDS"] = "100000" };

        // When
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(null, _dir, env));

        // Then
        Assert.Contains("environment variable PAPERDIGEST_LLM__TIMEOUT_SECONDS: llm.timeout_seconds must be between 1 and 3600", ex.Message);
    }

    [Fact]
    public void Read_MissingConfigFlagFile_NamesTheFlag()
    {
        var ex = Assert.Throws<ConfigurationException>(() => AppOptionsReader.Read(Path.Combine(_dir, "nope.yml"), _dir, new Dictionary<string, string>()));
        Assert.Contains("--config", ex.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
