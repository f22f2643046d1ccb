using System.Text.Json;
using PaperDigest.Papers;

namespace PaperDigest.Sources;

/// <summary>Reads the JSON of Hugging Face's per-paper API; every field but the id is optional.</summary>
internal static class HuggingFacePaperParser
{
    public static HuggingFacePaperInfo Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("Expected a JSON object from the Hugging Face papers API.");
        var id = String(root, "id") is { } text && ArxivId.TryParse(text, out var parsed)
            ? parsed
            : throw new JsonException("The Hugging Face paper has no arXiv id.");

        var keywords = root.TryGetProperty("ai_keywords", out var k) && k.ValueKind == JsonValueKind.Array
            ? k.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => Whitespace.Collapse(e.GetString())).Where(s => s.Length > 0).ToList()
            : [];

        return new HuggingFacePaperInfo(
            id,
            String(root, "title") is { } title ? Whitespace.Collapse(title) : null,
            String(root, "githubRepo"),
            Int(root, "githubStars"),
            Int(root, "upvotes"),
            String(root, "projectPage"),
            String(root, "ai_summary") is { } summary ? Whitespace.Collapse(summary) : null,
            keywords);
    }

    private static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!.Trim()
            : null;

    private static int? Int(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
}
