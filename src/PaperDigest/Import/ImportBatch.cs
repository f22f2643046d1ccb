using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using PaperDigest.Papers;

namespace PaperDigest.Import;

/// <summary>
/// Up to <see cref="ArxivImporter.BatchSize"/> papers as the UTF-8 text of their columns, built on the reader task so
/// that the writer only binds each row's fields where they lie (<see cref="ImportWriter"/>): no UTF-16 strings, no JSON
/// for SQLite to parse again. Authors and categories are the JSON text PaperStore stores (JsonSerializer's defaults, so
/// that a merge compares equal text).
/// </summary>
internal sealed class ImportBatch
{
    private readonly ArrayBufferWriter<byte> text = new(16 << 20); // a full batch of arXiv metadata is about 9 MB
    private readonly List<Row> rows = new(ArxivImporter.BatchSize);

    // Writes a list's JSON as JsonSerializer's defaults write it (the same default encoder), without its per-call type lookup.
    private readonly Utf8JsonWriter listWriter;

    public ImportBatch() => listWriter = new Utf8JsonWriter(text);

    /// <summary>Where a field's UTF-8 text lies in the batch; <see cref="Null"/> for none.</summary>
    public readonly record struct Field(int Offset, int Length)
    {
        public static readonly Field Null = new(0, -1);
        public bool IsNull => Length < 0;
    }

    /// <summary>One paper's columns, as PaperStore.UpsertSql takes them.</summary>
    public readonly record struct Row(Field Id, long? Version, Field Title, Field Abstract, Field Authors, Field Categories, Field Comment, Field Published);

    public int Count => rows.Count;

    public IReadOnlyList<Row> Rows => rows;

    /// <summary>A field's UTF-8 text.</summary>
    public ReadOnlySpan<byte> this[Field field] => text.WrittenSpan.Slice(field.Offset, field.Length);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(Paper paper) => rows.Add(new Row(
        Utf8(paper.Id.Id), paper.Id.Version, Utf8(paper.Title), Utf8(paper.Abstract), List(paper.Authors), List(paper.Categories),
        Utf8(paper.Comment), Utf8(paper.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));

    private Field Utf8(string? value)
    {
        if (value is null) return Field.Null;
        var offset = text.WrittenCount;
        var length = Encoding.UTF8.GetBytes(value, text.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length)));
        text.Advance(length);
        return new Field(offset, length);
    }

    private Field List(IReadOnlyList<string> items)
    {
        var offset = text.WrittenCount;
        listWriter.Reset();
        listWriter.WriteStartArray();
        foreach (var item in items) listWriter.WriteStringValue(item);
        listWriter.WriteEndArray();
        listWriter.Flush();
        return new Field(offset, text.WrittenCount - offset);
    }
}
