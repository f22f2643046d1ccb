using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PaperDigest.Papers;

namespace PaperDigest.Import;

/// <summary>One line of an arXiv metadata file: the paper, or why the line was skipped.</summary>
internal sealed record ArxivJsonlLine(long Number, Paper? Paper, string? Error);

/// <summary>
/// Reads arXiv metadata as JSON lines (plain, .gz or .xz: <see cref="ImportInput"/>): id, title, summary|abstract, authors (list or string), categories (list or space-separated),
/// comment|comments, and a date from published|update_date|versions[0].created when there is one.
/// </summary>
internal static class ArxivJsonlReader
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public static async IAsyncEnumerable<ArxivJsonlLine> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var input = await ImportInput.OpenAsync(path, cancellationToken);
        await foreach (var line in ReadAsync(input, cancellationToken)) yield return line;
    }

    /// <summary>
    /// The lines of <paramref name="input"/>, parsed straight from its UTF-8 bytes (no UTF-16 copy of the line). Lines
    /// end with \n, \r\n or \r; blank lines are counted but not returned; a UTF-8 byte order mark is skipped. Reads
    /// block (<see cref="ImportInput.Read"/>): run it on a thread of its own.
    /// </summary>
    public static async IAsyncEnumerable<ArxivJsonlLine> ReadAsync(ImportInput input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        int start = 0, end = 0;
        long number = 0;
        bool ended = false, afterCr = false, first = true;
        while (true)
        {
            if (afterCr && start < end)
            {
                if (buffer[start] == (byte)'\n') start++;
                afterCr = false;
            }
            var at = buffer.AsSpan(start, end - start).IndexOfAny((byte)'\n', (byte)'\r');
            if (at < 0 && !ended || afterCr && !ended)
            {
                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    (end, start) = (end - start, 0);
                }
                if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                cancellationToken.ThrowIfCancellationRequested();
                var read = input.Read(buffer.AsSpan(end));
                if (read == 0) ended = true;
                end += read;
                continue;
            }
            if (at < 0 && start == end) break;
            var length = at < 0 ? end - start : at;
            var line = buffer.AsMemory(start, length);
            start += at < 0 ? length : length + 1;
            afterCr = at >= 0 && buffer[start - 1] == (byte)'\r';
            number++;
            if (first && line.Span.StartsWith(Bom)) line = line[Bom.Length..];
            first = false;
            if (line.Span.Trim(" \t\f\v"u8).IsEmpty) continue;
            yield return Parse(line, number);
        }
        await input.CompleteAsync(cancellationToken);
    }

    /// <summary>Parses one line; a bad line is an error value, never an exception.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ArxivJsonlLine Parse(ReadOnlyMemory<byte> line, long number)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return Parse(document.RootElement, number);
        }
        catch (JsonException ex)
        {
            return new ArxivJsonlLine(number, null, $"not valid JSON ({ex.Message.Split('.')[0]})");
        }
        catch (InvalidOperationException ex) // a string that is not valid UTF-16, e.g. a lone surrogate \ud800
        {
            return new ArxivJsonlLine(number, null, $"a string that is not valid text ({ex.Message.Split('.')[0]})");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ArxivJsonlLine Parse(JsonElement root, long number)
    {
        if (root.ValueKind != JsonValueKind.Object) return new ArxivJsonlLine(number, null, "not a JSON object");
        var idText = Text(root, "id");
        if (!ArxivId.TryParse(idText, out var id)) return new ArxivJsonlLine(number, null, $"no valid arXiv 'id' (got '{Shorten(idText)}')");
        var title = Whitespace.Collapse(Text(root, "title"));
        if (title.Length == 0) return new ArxivJsonlLine(number, null, $"{id.Id}: no 'title'");
        var abstractText = Whitespace.Collapse(Text(root, "summary") ?? Text(root, "abstract"));
        var comment = Text(root, "comment") ?? Text(root, "comments");
        var paper = new Paper(id, title, abstractText, List(root, "authors", ','), Date(root), List(root, "categories", ' '),
            string.IsNullOrWhiteSpace(comment) ? null : Whitespace.Collapse(comment));
        return new ArxivJsonlLine(number, paper, null);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IReadOnlyList<string> List(JsonElement root, string name, char separator)
    {
        if (!root.TryGetProperty(name, out var e)) return [];
        IEnumerable<string> items = e.ValueKind switch
        {
            JsonValueKind.Array => e.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!),
            JsonValueKind.String when separator == ',' => e.GetString()!.Replace(" and ", ",", StringComparison.Ordinal).Split(','),
            JsonValueKind.String => e.GetString()!.Split(separator),
            _ => [],
        };
        return items.Select(Whitespace.Collapse).Where(s => s.Length > 0).ToList();
    }

    /// <summary>
    /// The first version's date (versions[0].created, RFC 1123) before any other: update_date is the last update,
    /// so a 2007 paper revised in 2008 would be dated 2008.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DateOnly? Date(JsonElement root)
    {
        if (root.TryGetProperty("versions", out var versions) && versions.ValueKind == JsonValueKind.Array && versions.GetArrayLength() > 0
            && versions[0].ValueKind == JsonValueKind.Object && Text(versions[0], "created") is { } created
            && DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return DateOnly.FromDateTime(at.UtcDateTime);
        foreach (var name in new[] { "published", "update_date", "date" })
            if (Text(root, name) is { Length: >= 10 } s && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return d;
        return null;
    }

    private static string Shorten(string? s) => s is null ? "" : s.Length > 40 ? s[..40] + "…" : s;
}
