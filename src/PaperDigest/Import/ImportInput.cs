using System.ComponentModel;
using System.Diagnostics;

namespace PaperDigest.Import;

/// <summary>
/// An import file's bytes, decompressed: plain, .gz (<see cref="GzipInput"/>), or .xz through the `xz -dc` program
/// (there is no xz library), which is fed from our own read of the file so that <see cref="Consumed"/> counts the
/// compressed bytes used so far, as for the other two: with <see cref="Length"/> it gives a progress bar and an ETA.
/// </summary>
internal sealed class ImportInput : IAsyncDisposable
{
    private const int BufferSize = 1 << 20;
    private readonly FileStream file;
    private readonly Process? xz;
    private readonly Task? feeding;
    private readonly GzipInput? gzip;
    private long fed;

    private ImportInput(string path, FileStream file, Stream stream, Process? xz, GzipInput? gzip)
    {
        Path = path;
        this.file = file;
        Stream = stream;
        this.xz = xz;
        this.gzip = gzip;
        Length = file.CanSeek ? file.Length : 0; // a pipe (/dev/stdin, a FIFO) has no size: no share done, no ETA
        if (xz is not null) feeding = Task.Factory.StartNew(() => Feed(xz.StandardInput.BaseStream), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public string Path { get; }

    /// <summary>The decompressed bytes.</summary>
    public Stream Stream { get; }

    /// <summary>The file's size on disk; 0 when it is a pipe.</summary>
    public long Length { get; }

    /// <summary>How many of the file's bytes (compressed, for .gz and .xz) have been read so far.</summary>
    public long Consumed => xz is null ? Position() : Interlocked.Read(ref fed);

    private long Position() => file.SafeFileHandle.IsClosed || !file.CanSeek ? Length : file.Position;

    public static async Task<ImportInput> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        try
        {
            if (path.EndsWith(".xz", StringComparison.OrdinalIgnoreCase))
            {
                var xz = StartXz();
                return new ImportInput(path, file, xz.StandardOutput.BaseStream, xz, null);
            }
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                var gzip = await GzipInput.OpenAsync(file, path, cancellationToken);
                return new ImportInput(path, file, gzip, null, gzip);
            }
            return new ImportInput(path, file, file, null, null);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>After the last byte: throws when the file ended early (a truncated .gz) or xz failed.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        gzip?.EnsureComplete();
        if (xz is null) return;
        var errors = await xz.StandardError.ReadToEndAsync(cancellationToken);
        await xz.WaitForExitAsync(cancellationToken);
        if (xz.ExitCode != 0) throw new ImportFileException($"xz could not decompress {Path}: {errors.Trim()}");
    }

    private static Process StartXz()
    {
        var info = new ProcessStartInfo("xz")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add("-dc");
        try
        {
            return Process.Start(info) ?? throw new ImportFileException("xz did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new ImportFileException($"Reading .xz needs the xz program (Debian: apt-get install xz-utils): {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Reads decompressed bytes, blocking: the reader runs on a thread of its own, where a blocking read wakes as soon as
    /// data is there (an awaited pipe read hops through the thread pool, a cost per read on a busy machine).
    /// </summary>
    public int Read(Span<byte> buffer)
    {
        try
        {
            return Stream.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw new ImportFileException($"{Path} is not a readable gzip file: {ex.Message}", ex);
        }
    }

    /// <summary>Copies the file into xz's stdin on a thread of its own, counting; xz exiting early (bad data) ends it, and its exit code says why.</summary>
    private void Feed(Stream stdin)
    {
        var buffer = new byte[BufferSize];
        try
        {
            int n;
            while ((n = file.Read(buffer)) > 0)
            {
                stdin.Write(buffer, 0, n);
                Interlocked.Add(ref fed, n);
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            try { stdin.Dispose(); } catch (IOException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (xz is not null)
        {
            if (!xz.HasExited) xz.Kill();
            await feeding!;
            await Stream.DisposeAsync();
            xz.Dispose();
        }
        else await Stream.DisposeAsync();
        await file.DisposeAsync();
    }
}
