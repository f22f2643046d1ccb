using PaperDigest.Cli;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

/// <summary>The command line's own words: help, typos, numbers, missing files.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Run_NoArguments_PrintsCommandListExit0()
    {
        // When
        var result = await _cli.RunAsync();

        // Then: a request for help, not an error
        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "daily", "track", "paper", "import", "search", "serve", "site" }) Assert.Contains(command, result.Out);
        Assert.DoesNotContain("error", result.Error);
    }

    [Theory]
    [InlineData("daily")]
    [InlineData("search", "word")]
    public async Task Limit_NotANumber_Exit2InPlainWords(params string[] command)
    {
        // When
        var result = await _cli.RunAsync([.. command, "--limit", "abc"]);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--limit must be a whole number (got 'abc')", result.Error);
        Assert.DoesNotContain("System.", result.Error);
    }

    [Fact]
    public async Task Run_MistypedCommand_SuggestsTheClosest()
    {
        // When
        var result = await _cli.RunAsync("dialy", "--limit", "3");

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown command 'dialy'. Did you mean 'daily'?", result.Error);
        Assert.DoesNotContain("Required command", result.Error);
    }

    [Fact]
    public async Task Daily_MistypedFlag_SuggestsTheClosest()
    {
        // When
        var result = await _cli.RunAsync("daily", "--limt", "3");

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Did you mean '--limit'?", result.Error);
    }

    [Fact]
    public void Hint_NothingClose_NoSuggestion()
    {
        Assert.Equal("", UsageErrors.Hint("xyzzy", ["daily", "track", "serve"]));
        Assert.Equal(" Did you mean 'serve'?", UsageErrors.Hint("serv", ["daily", "track", "serve"]));
    }

    [Fact]
    public async Task Daily_MissingInputFile_Exit2NamingFlagAndPath()
    {
        // When
        var result = await _cli.RunAsync("daily", "--input", "saved/missing.json");

        // Then: bad usage, as a missing `import` file is
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--input: the file 'saved/missing.json' does not exist", result.Error);
        Assert.Contains(Path.Combine(_cli.Dir, "saved", "missing.json"), result.Error);
    }

    [Fact]
    public void Create_TwoCommandLines_ShareNoOption()
    {
        // Given: two command lines built in one process (as tests and a long-lived host do)
        var context = new CliContext(TextWriter.Null, TextWriter.Null, new Dictionary<string, string>(), _cli.Dir, TimeProvider.System, false, Composition.Register);
        System.CommandLine.Command[] first = [DailyCommand.Create(context), PaperCommand.Create(context), TrackCommand.Create(context), ImportCommand.Create(context), SearchCommand.Create(context), ServeCommand.Create(context), SiteCommand.Create(context)];
        System.CommandLine.Command[] second = [DailyCommand.Create(context), PaperCommand.Create(context), TrackCommand.Create(context), ImportCommand.Create(context), SearchCommand.Create(context), ServeCommand.Create(context), SiteCommand.Create(context)];

        // Then: each option and argument belongs to one command only
        var symbols = first.Concat(second).SelectMany(c => c.Options.Cast<System.CommandLine.Symbol>().Concat(c.Arguments)).ToList();
        Assert.All(symbols, s => Assert.Single(s.Parents));
        Assert.Equal(symbols.Count, symbols.Distinct().Count());
    }

    public void Dispose() => _cli.Dispose();
}
