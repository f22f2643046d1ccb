using System.Diagnostics;

namespace PaperDigest.Tests.Cli;

/// <summary>`dotnet run --project src/PaperDigest` runs in the folder it is typed in (the Web SDK would run it in src/PaperDigest/).</summary>
public sealed class DotnetRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pd-run-").FullName;

    [Fact]
    public async Task DotnetRun_FromAnotherFolder_RelativePathsAreThatFolders()
    {
        // Given: a metadata file in a folder of the user's, far from the project
        var project = Path.Combine(RepoRoot(), "src", "PaperDigest");
        await File.WriteAllTextAsync(Path.Combine(_dir, "papers.jsonl"),
            """{"id":"2401.00001","title":"A title","abstract":"An abstract.","authors":"Ada Lovelace","categories":"cs.CL"}""" + "\n");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "run", "--project", project, "--no-build", "--", "import", "papers.jsonl" }) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PAPERDIGEST_", StringComparison.Ordinal) || k.StartsWith("OPENAI_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);

        // When
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        // Then: the file was found where the command was typed, and the store was made there
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stdout} {await stderr}");
        Assert.Contains("Imported 1 papers from papers.jsonl", await stdout);
        Assert.True(File.Exists(Path.Combine(_dir, "paperdigest.db")), "the store was not written in the working folder");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PaperDigest.slnx"))) return dir.FullName;
        throw new InvalidOperationException("PaperDigest.slnx not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
