using System.Buffers.Binary;
using System.IO.Compression;

namespace PaperDigest.Import;

/// <summary>
/// A .gz file decompressed, checked for what GZipStream lets pass: the gzip magic at the start, and at the end the
/// trailer's size (ISIZE, the uncompressed length mod 2^32), which a truncated file does not match. GZipStream
/// itself ends a truncated file silently. A concatenated multi-member file is checked against its last member only.
/// </summary>
internal sealed class GzipInput : Stream
{
    private readonly GZipStream inner;
    private readonly string path;
    private readonly uint expectedSize;
    private long read;

    private GzipInput(FileStream file, string path, uint expectedSize)
    {
        inner = new GZipStream(file, CompressionMode.Decompress);
        this.path = path;
        this.expectedSize = expectedSize;
    }

    public static async Task<GzipInput> OpenAsync(FileStream file, string path, CancellationToken cancellationToken)
    {
        if (!file.CanSeek)
        {
            await file.DisposeAsync();
            throw new ImportFileException($"{path} is a pipe: a .gz file is read from disk (its size is at its end); decompress into the pipe instead, e.g. zcat FILE.gz | paperdigest import /dev/stdin");
        }
        var head = new byte[2];
        var tail = new byte[4];
        var headRead = await file.ReadAtLeastAsync(head, 2, throwOnEndOfStream: false, cancellationToken);
        if (headRead < 2 || head[0] != 0x1f || head[1] != 0x8b || file.Length < 18)
        {
            await file.DisposeAsync();
            throw new ImportFileException($"{path} is not a gzip file (it does not start with the gzip signature); name it .jsonl if it is plain text.");
        }
        file.Seek(-4, SeekOrigin.End);
        await file.ReadExactlyAsync(tail, cancellationToken);
        file.Seek(0, SeekOrigin.Begin);
        return new GzipInput(file, path, BinaryPrimitives.ReadUInt32LittleEndian(tail));
    }

    /// <summary>Throws when the file ended before its gzip trailer (a truncated download or copy).</summary>
    public void EnsureComplete()
    {
        if ((uint)read != expectedSize)
            throw new ImportFileException($"{path} is truncated: it ends after {read:N0} uncompressed bytes, before its gzip trailer");
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int n)
    {
        read += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
