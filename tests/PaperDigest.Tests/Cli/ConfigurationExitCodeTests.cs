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
