using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperDigest.Papers;

namespace PaperDigest.Import;

/// <summary>
/// Up to <see cref="ArxivImporter.BatchSize"/> papers as one JSON array of rows, built on the reader task so that the
/// writer binds one parameter per batch and SQLite's json_each unpacks it: [id, version, title, abstract, authors,
/// categories, comment, published], authors and categories being the JSON text PaperStore stores (JsonSerializer's
/// defaults, so that a merge compares equal text).
/// </summary>
internal sealed class ImportBatch
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> buffer = new(1 << 20);
    private readonly Utf8JsonWriter writer;

    // A list's JSON text as JsonSerializer's defaults write it (the same default encoder), without the serializer's
    // per-call type lookup: written here, then copied into the batch as one string value.
    private readonly ArrayBufferWriter<byte> listBuffer = new(1 << 10);
    private readonly Utf8JsonWriter listWriter;

    public ImportBatch()
    {
        writer = new Utf8JsonWriter(buffer, Options);
        writer.WriteStartArray();
        listWriter = new Utf8JsonWriter(listBuffer);
    }

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(Paper paper)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(paper.Id.Id);
        if (paper.Id.Version is { } version) writer.WriteNumberValue(version); else writer.WriteNullValue();
        writer.WriteStringValue(paper.Title);
        writer.WriteStringValue(paper.Abstract);
        WriteList(paper.Authors);
        WriteList(paper.Categories);
        if (paper.Comment is { } comment) writer.WriteStringValue(comment); else writer.WriteNullValue();
        if (paper.Published is { } date) writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); else writer.WriteNullValue();
        writer.WriteEndArray();
        Count++;
    }

    private void WriteList(IReadOnlyList<string> items)
    {
        listBuffer.ResetWrittenCount();
        listWriter.Reset();
        listWriter.WriteStartArray();
        foreach (var item in items) listWriter.WriteStringValue(item);
        listWriter.WriteEndArray();
        listWriter.Flush();
        writer.WriteStringValue(listBuffer.WrittenSpan); // UTF-8 text: written as a JSON string of that text
    }

    /// <summary>
    /// The rows as UTF-8 JSON text, bound as a BLOB that the writer's SQL casts to TEXT (SQLite's own encoding, so the
    /// cast copies bytes): no UTF-16 copy of megabytes of text on either thread. The batch takes no more papers after this.
    /// </summary>
    public byte[] ToUtf8Json()
    {
        writer.WriteEndArray();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
