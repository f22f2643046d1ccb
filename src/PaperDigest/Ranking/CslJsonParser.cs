using System.Text.Json;

namespace PaperDigest.Ranking;

/// <summary>Reads a Zotero (or any) CSL-JSON export: an array of items with title, abstract, author [{family, given}] and accessed/issued dates.</summary>
internal static class CslJsonParser
{
    public static IReadOnlyList<LibraryPaper> Parse(string json, string file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new LibraryFormatException($"{file}:{(ex.LineNumber ?? 0) + 1}: not valid JSON ({ex.Message.Split(" LineNumber")[0]}).");
        }
        using (doc)
        {
            var items = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("items", out var wrapped) ? wrapped : doc.RootElement;
            if (items.ValueKind != JsonValueKind.Array)
                throw new LibraryFormatException($"{file}:1: a CSL-JSON library is an array of items (Zotero: Export Library… → CSL JSON).");
            var papers = new List<LibraryPaper>();
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) continue;
                var title = BibtexParser.Clean(Text(item, "title"));
                if (title.Length == 0) continue;
                var authors = new List<string>();
                if (item.TryGetProperty("author", out var list) && list.ValueKind == JsonValueKind.Array)
                    foreach (var a in list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object))
                    {
                        var name = Text(a, "literal") ?? string.Join(' ', new[] { Text(a, "given"), Text(a, "family") }.Where(s => !string.IsNullOrWhiteSpace(s)));
                        if (!string.IsNullOrWhiteSpace(name)) authors.Add(name.Trim());
                    }
                var id = LibraryReader.ArxivIdOf(Text(item, "URL"), Text(item, "DOI"), Text(item, "number"), Text(item, "container-title"), Text(item, "note"));
                papers.Add(new LibraryPaper(title, BibtexParser.Clean(Text(item, "abstract")), authors, Date(item, "accessed") ?? Date(item, "dateAdded"), id));
            }
            return papers;
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateOnly? Date(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.String) return LibraryReader.ParseDay(v.GetString());
        if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("date-parts", out var parts) && parts.ValueKind == JsonValueKind.Array
            && parts.GetArrayLength() > 0 && parts[0].ValueKind == JsonValueKind.Array)
        {
            var p = parts[0].EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Number ? x.GetInt32() : int.TryParse(x.GetString(), out var n) ? n : 1).ToList();
            if (p.Count == 0 || p[0] is < 1 or > 9999) return null;
            return new DateOnly(p[0], Math.Clamp(p.ElementAtOrDefault(1) is var m and > 0 ? m : 1, 1, 12), Math.Clamp(p.ElementAtOrDefault(2) is var d and > 0 ? d : 1, 1, 28));
        }
        return null;
    }
}
