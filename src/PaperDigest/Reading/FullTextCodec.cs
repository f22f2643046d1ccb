using System.IO.Compression;
using System.Text;

namespace PaperDigest.Reading;

/// <summary>Compresses full texts for storage: UTF-8, then Brotli.</summary>
internal static class FullTextCodec
{
    public static byte[] Compress(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            brotli.Write(Encoding.UTF8.GetBytes(text));
        }
        return output.ToArray();
    }

    public static string Decompress(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var brotli = new BrotliStream(new MemoryStream(data), CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
