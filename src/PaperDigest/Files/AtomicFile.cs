using System.Globalization;
using System.Text;

namespace PaperDigest.Files;

/// <summary>
/// Writes a file whole or not at all: a temp file beside it, flushed to disk, then renamed over the target. The temp
/// file is named after the writing process, so the next write of that folder removes what a killed writer left.
/// </summary>
internal static class AtomicFile
{
    private const string TempSuffix = ".tmp";
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        RemoveStaleTemps(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{LiveProcess.CurrentId}-{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(Utf8NoBom.GetBytes(text), cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { /* best effort: the next write of this folder removes it */ }
            throw;
        }
    }

    /// <summary>Temp files of writers that are gone (a killed publish); a live writer's temp file is left alone.</summary>
    private static void RemoveStaleTemps(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir, "." + "*" + TempSuffix))
        {
            if (WriterOf(Path.GetFileName(file)) is not { } pid || LiveProcess.IsRunning(pid)) continue;
            try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The writer's process id in ".name.&lt;pid&gt;-&lt;guid&gt;.tmp", or null for a file not named by this class.</summary>
    internal static long? WriterOf(string fileName)
    {
        var stem = fileName[..^TempSuffix.Length];
        var tail = stem[(stem.LastIndexOf('.') + 1)..];
        var dash = tail.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || tail.Length - dash - 1 != 32) return null;
        return long.TryParse(tail.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }
}
