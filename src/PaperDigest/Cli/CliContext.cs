namespace PaperDigest.Cli;

/// <summary>What a command may touch of the outside: its streams, environment, working directory and clock (tests pass their own).</summary>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    TimeProvider Time,
    bool Interactive)
{
    public static CliContext FromProcess()
    {
        var env = System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        var interactive = !Console.IsErrorRedirected && !env.ContainsKey("CI") && env.GetValueOrDefault("TERM") is not (null or "dumb");
        return new CliContext(Console.Out, Console.Error, env, Directory.GetCurrentDirectory(), TimeProvider.System, interactive);
    }
}
