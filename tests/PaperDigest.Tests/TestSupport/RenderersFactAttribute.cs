using System.Diagnostics;

namespace PaperDigest.Tests.TestSupport;

/// <summary>
/// A fact that needs a real Markdown renderer on PATH (Debian <c>cmark-gfm</c>, GitHub's own; <c>jekyll</c>, as
/// GitHub Pages builds); skipped, and says so, without it. <see cref="Run"/> feeds a file and returns stdout.
/// </summary>
public sealed class RenderersFactAttribute : FactAttribute
{
    public RenderersFactAttribute(string tool)
    {
        if (!Installed(tool)) Skip = $"{tool} is not installed (apt-get install {tool})";
    }

    public static bool Installed(string tool) => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => File.Exists(Path.Combine(dir, tool)));

    /// <summary>Runs a tool to its end (60 s at most); asserts exit 0 and returns stdout and stderr.</summary>
    public static async Task<(string Out, string Error)> Run(string tool, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var (o, e) = (await output, await error);
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {e}");
        return (o, e);
    }
}
