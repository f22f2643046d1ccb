using System.Diagnostics;

namespace PaperDigest.Tests.TestSupport;

/// <summary>A small tmpfs mounted for one test (needs root on Linux); <see cref="TryMount"/> is null where mount is not permitted.</summary>
internal sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string directory) => Directory = directory;

    public string Directory { get; }

    public static TmpfsMount? TryMount(string size)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root") return null;
        var dir = Path.Combine(Path.GetTempPath(), "paperdigest-tmpfs-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        return Run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir) ? new TmpfsMount(dir) : null;
    }

    /// <summary>Fills what is left of the file system with a filler file, to the last byte.</summary>
    public void Fill()
    {
        using var filler = new FileStream(Path.Combine(Directory, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true) filler.Write(block);
        }
        catch (IOException)
        {
        }
        try
        {
            while (true) filler.Write(block, 0, 1);
        }
        catch (IOException)
        {
        }
    }

    private static bool Run(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, UseShellExecute = false })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Run("umount", "-l", Directory);
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
