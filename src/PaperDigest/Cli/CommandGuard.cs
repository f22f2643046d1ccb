using PaperDigest.Configuration;

namespace PaperDigest.Cli;

/// <summary>
/// Maps a command's expected failures to PRODUCT.md's exit codes inside the action. System.CommandLine's default
/// exception handler would otherwise print a stack trace and exit 1 before CliApp's own catch blocks see the exception.
/// </summary>
internal static class CommandGuard
{
    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is UsageException or ConfigurationException)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
    }
}
