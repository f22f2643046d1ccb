using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Configuration;

namespace PaperDigest.Cli;

/// <summary>What a command may touch of the outside: its streams, environment, working directory and clock (tests pass their own).</summary>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    TimeProvider Time,
    bool Interactive,
    ServiceSetup Setup)
{
    /// <summary>A fresh container with what <paramref name="command"/> uses, and nothing else.</summary>
    public ServiceProvider Services(AppCommand command, AppOptions options, Secrets secrets)
    {
        var services = new ServiceCollection();
        Setup(services, command, options, secrets, Time, Error);
        return services.BuildServiceProvider();
    }

    public static CliContext FromProcess(ServiceSetup setup)
    {
        var env = System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        var interactive = !Console.IsErrorRedirected && !env.ContainsKey("CI") && env.GetValueOrDefault("TERM") is not (null or "dumb");
        return new CliContext(Console.Out, Console.Error, env, Directory.GetCurrentDirectory(), TimeProvider.System, interactive, setup);
    }
}
