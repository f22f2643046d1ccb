using PaperDigest.Llm;

namespace PaperDigest.Tests.Llm;

public sealed class LlmOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoProblems() => Assert.Empty(new LlmOptions().Validate());

    [Theory]
    [InlineData("max_output_tokens", 0, "llm.max_output_tokens must be between 1 and 200000 (got 0)")]
    [InlineData("max_output_tokens", -5, "llm.max_output_tokens must be between 1 and 200000 (got -5)")]
    [InlineData("max_output_tokens", int.MaxValue, "llm.max_output_tokens must be between 1 and 200000 (got 2147483647)")]
    [InlineData("retry_delay_ms", -1, "llm.retry_delay_ms must be between 0 and 60000 (got -1)")]
    [InlineData("timeout_seconds", 100000, "llm.timeout_seconds must be between 1 and 3600 (got 100000)")]
    [InlineData("timeout_seconds", 0, "llm.timeout_seconds must be between 1 and 3600 (got 0)")]
    public void Validate_OutOfRange_ProblemNamesKeyAndRange(string key, int value, string expected)
    {
        // Given
        var options = new LlmOptions();
        switch (key)
        {
            case "max_output_tokens": options.MaxOutputTokens = value; break;
            case "retry_delay_ms": options.RetryDelayMs = value; break;
            default: options.TimeoutSeconds = value; break;
        }

        // When / Then
        Assert.Equal([expected], options.Validate());
    }

    [Theory]
    [InlineData("ftp://llm.example/v1")]
    [InlineData("file:///etc/passwd")]
    [InlineData("localhost:11434/v1")]
    [InlineData("not a url")]
    public void Validate_BaseUrlNotHttp_Rejected(string url)
    {
        // When
        var problems = new LlmOptions { BaseUrl = url }.Validate().ToList();

        // Then
        Assert.Equal([$"llm.base_url must be an http:// or https:// URL (got '{url}')"], problems);
    }

    [Theory]
    [InlineData("http://127.0.0.1:11434/v1")]
    [InlineData("https://api.deepseek.com/v1")]
    public void Validate_BaseUrlHttp_Accepted(string url) => Assert.Empty(new LlmOptions { BaseUrl = url }.Validate());
}
