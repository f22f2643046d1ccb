using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

public sealed class ConfigurationExitCodeTests
{
    [Fact]
    public async Task Daily_BrokenYaml_Exit2NamingFileAndLine()
    {
        // Given
        using var cli = new CliRunner();
        await File.WriteAllTextAsync(Path.Combine(cli.Dir, "paperdigest.yml"), "llm:\n  model: x\n   bad indent: [\n");

        // When
        var result = await cli.RunAsync("daily");

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("paperdigest.yml:", result.Error);
        Assert.Contains("YAML syntax error", result.Error);
    }

    [Theory]
    [InlineData("OPENAI_BASE_URL", "ftp://llm.example/v1", "llm.base_url")]
    [InlineData("PAPERDIGEST_LLM__MAX_OUTPUT_TOKENS", "0", "llm.max_output_tokens")]
    [InlineData("PAPERDIGEST_LLM__RETRY_DELAY_MS", "-1", "llm.retry_delay_ms")]
    [InlineData("PAPERDIGEST_LLM__TIMEOUT_SECONDS", "100000", "llm.timeout_seconds")]
    public async Task Daily_LlmValueOutOfRange_Exit2NamingVariableAndKey(string variable, string value, string key)
    {
        // Given
        using var cli = new CliRunner();
        cli.Env[variable] = value;

        // When
        var result = await cli.RunAsync("daily");

        // Then: a configuration error, not Polly's ValidationException nor a crash
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"environment variable {variable}: {key} must be", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Help_EveryCommand_PrintsUsage()
    {
        using var cli = new CliRunner();
        var root = await cli.RunAsync("--help");
        var daily = await cli.RunAsync("daily", "--help");
        Assert.Equal(0, root.ExitCode);
        Assert.Contains("daily", root.Out);
        Assert.Equal(0, daily.ExitCode);
        Assert.Contains("--style", daily.Out);
        Assert.Contains("--config", daily.Out);
    }
}
