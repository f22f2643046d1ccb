namespace PaperDigest.Cli;

/// <summary>A file named on the command line: relative to where the command runs, and bad usage (exit 2) when it is missing.</summary>
internal static class InputFile
{
    /// <returns>The full path, or null when the flag was not given.</returns>
    /// <exception cref="UsageException">The file does not exist; the message names the flag and the path.</exception>
    public static string? Resolve(string? given, string flag, string workingDirectory)
    {
        if (given is null) return null;
        var path = Path.GetFullPath(Path.Combine(workingDirectory, given));
        if (Directory.Exists(path)) throw new UsageException($"{flag}: '{given}' is a folder, not a file.");
        if (!File.Exists(path)) throw new UsageException($"{flag}: the file '{given}' does not exist{(path == given ? "" : $" (looked for {path})")}.");
        return path;
    }
}
