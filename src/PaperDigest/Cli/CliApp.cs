using System.CommandLine;
using PaperDigest.Configuration;
using PaperDigest.Sources;

namespace PaperDigest.Cli;

/// <summary>The command line: parses, runs one command, maps outcomes to PRODUCT.md's exit codes.</summary>
internal static class CliApp
{
    private const string ConfigOptionName = "--config";

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        // The whole tree is built per call: System.CommandLine gives each symbol a parent, so nothing of it may be shared.
        var root = new RootCommand("PaperDigest: daily AI paper digests from Hugging Face Daily Papers and arXiv, summarized by any OpenAI-compatible LLM and checked against the paper.");
        root.Options.Add(new Option<string?>(ConfigOptionName)
        {
            Description = $"Configuration file (YAML). Default: {AppOptionsReader.DefaultFileName} in the working directory, when present.",
            Recursive = true,
        });
        foreach (var command in Commands(context)) root.Subcommands.Add(command);
        // Signals are the process's (Program.cs); System.CommandLine's own handler would end the process after 2 s.
        var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };

        // `paperdigest` alone asks what it can do: the command list, exit 0 (bad usage, exit 2, is a wrong word or flag).
        if (args.Length == 0) return await root.Parse(["--help"]).InvokeAsync(invocation, CancellationToken.None);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await UsageErrors.WriteAsync(parsed, context.Error);
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever stopped (an HTTP call, a store write, a Parallel loop), it stopped because it was asked to.
            await context.Error.WriteLineAsync("cancelled: stopped before the end; everything finished so far is stored and will be reused.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is ConfigurationException or UsageException or PaperDigest.Ranking.LibraryFormatException)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is SourceException or PaperDigest.Store.StoreVersionException or PaperDigest.Store.StoreUnreadableException or PaperDigest.Store.StoreFullException or PaperDigest.Import.ImportFileException)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (IOException ex)
        {
            await context.Error.WriteLineAsync($"error: could not write or read a file: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (UnauthorizedAccessException ex)
        {
            await context.Error.WriteLineAsync($"error: permission denied: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            await context.Error.WriteLineAsync($"error: the database failed: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    private static IEnumerable<Command> Commands(CliContext context) =>
    [
        DailyCommand.Create(context),
        PaperCommand.Create(context),
        TrackCommand.Create(context),
        ImportCommand.Create(context),
        SearchCommand.Create(context),
        ServeCommand.Create(context),
        SiteCommand.Create(context),
        NotifyCommand.Create(context),
        DoctorCommand.Create(context),
    ];

    /// <summary>Reads the configuration of this invocation (the --config file, the environment).</summary>
    public static (AppOptions Options, Secrets Secrets) LoadConfiguration(ParseResult parse, CliContext context)
    {
        var file = parse.GetValue<string?>(ConfigOptionName);
        if (file is not null && !Path.IsPathRooted(file)) file = Path.Combine(context.WorkingDirectory, file);
        var options = AppOptionsReader.Read(file, context.WorkingDirectory, context.Environment);
        if (!Path.IsPathRooted(options.Store.Path)) options.Store.Path = Path.Combine(context.WorkingDirectory, options.Store.Path);
        if (!Path.IsPathRooted(options.Digest.Out)) options.Digest.Out = Path.Combine(context.WorkingDirectory, options.Digest.Out);
        return (options, Secrets.FromEnvironment(context.Environment));
    }
}

/// <summary>A flag's value is wrong; the message names the flag.</summary>
internal sealed class UsageException(string message) : Exception(message);
