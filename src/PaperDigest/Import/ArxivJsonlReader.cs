using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using PaperDigest.Papers;

namespace PaperDigest.Import;

/// <summary>One line of an arXiv metadata file: the paper, or why the line was skipped.</summary>
internal sealed record ArxivJsonlLine(long Number, Paper? Paper, string? Error);

/// <summary>
/// Reads arXiv metadata as JSON lines (plain, .gz with GZipStream, .xz streamed through `xz -dc`, there being no xz
/// library): id, title, summary|abstract, authors (list or string), categories (list or space-separated),
/// comment|comments, and a date from published|update_date|versions[0].created when there is one.
/// </summary>
internal static class ArxivJsonlReader
{
    public static async IAsyncEnumerable<ArxivJsonlLine> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Process? xz = null;
        GzipInput? gzip = null;
        Stream stream;
        if (path.EndsWith(".xz", StringComparison.OrdinalIgnoreCase))
        {
            xz = StartXz(path);
            stream = xz.StandardOutput.BaseStream;
        }
        else
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) stream = gzip = await GzipInput.OpenAsync((FileStream)stream, path, cancellationToken);
        }

        try
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16);
            long number = 0;
            while (await ReadLineAsync(reader, path, cancellationToken) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                yield return Parse(line, number);
            }
            gzip?.EnsureComplete();
            if (xz is not null)
            {
                var errors = await xz.StandardError.ReadToEndAsync(cancellationToken);
                await xz.WaitForExitAsync(cancellationToken);
                if (xz.ExitCode != 0) throw new ImportFileException($"xz could not decompress {path}: {errors.Trim()}");
            }
        }
        finally
        {
            await stream.DisposeAsync();
            if (xz is { HasExited: false }) xz.Kill();
            xz?.Dispose();
        }
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new ImportFileException($"{path} is not a readable gzip file: {ex.Message}", ex);
        }
    }

    private static Process StartXz(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The file '{path}' does not exist.", path);
        var info = new ProcessStartInfo("xz") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-dc");
        info.ArgumentList.Add("--");
        info.ArgumentList.Add(path);
        try
        {
            return Process.Start(info) ?? throw new ImportFileException("xz did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new ImportFileException($"Reading .xz needs the xz program (Debian: apt-get install xz-utils): {ex.Message}", ex);
        }
    }

    /// <summary>Parses one line; a bad line is an error value, never an exception.</summary>
    public static ArxivJsonlLine Parse(string line, long number)
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

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

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
