using System.Globalization;
using System.Text.Json;
using PaperDigest.Papers;

namespace PaperDigest.Sources;

/// <summary>
/// Parses Hugging Face's <c>api/daily_papers</c> JSON array into papers, most upvoted first (HF order).
/// Entries without an arXiv id or a title are skipped; optional fields (ai_summary, githubRepo, ...) may be missing.
/// </summary>
internal static class HuggingFaceDailyParser
{
    /// <exception cref="SourceException">The text is not a JSON array of daily-paper entries; the message names the origin, line and position.</exception>
    public static IReadOnlyList<Paper> Parse(string json, string origin)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new SourceException($"{origin} is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}): it may be truncated or not an api/daily_papers response.", ex);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw new SourceException($"{origin} is JSON but not an array of daily papers (found {doc.RootElement.ValueKind}).");

            var papers = new List<(Paper Paper, int Index)>();
            var index = 0;
            foreach (var entry in doc.RootElement.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && TryParseEntry(entry) is { } paper) papers.Add((paper, index));
                index++;
            }
            // HF order of upvotes, most first; ties keep the order HF gave.
            return papers.OrderByDescending(p => p.Paper.Upvotes ?? 0).ThenBy(p => p.Index).Select(p => p.Paper).ToList();
        }
    }

    private static Paper? TryParseEntry(JsonElement entry)
    {
        var p = entry.TryGetProperty("paper", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : entry;
        if (!ArxivId.TryParse(Str(p, "id"), out var id)) return null;
        var title = Whitespace.Collapse(Str(p, "title") ?? Str(entry, "title"));
        if (title.Length == 0) return null;
        var summary = Whitespace.Collapse(Str(p, "summary") ?? Str(entry, "summary"));

        var authors = new List<string>();
        if (p.TryGetProperty("authors", out var a) && a.ValueKind == JsonValueKind.Array)
        {
            foreach (var author in a.EnumerateArray())
            {
                var name = author.ValueKind == JsonValueKind.String ? author.GetString() : Str(author, "name");
                if (!string.IsNullOrWhiteSpace(name)) authors.Add(Whitespace.Collapse(name));
            }
        }

        var keywords = new List<string>();
        if (p.TryGetProperty("ai_keywords", out var k) && k.ValueKind == JsonValueKind.Array)
            keywords.AddRange(k.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).Where(x => x.Length > 0));

        DateOnly? published = null;
        if ((Str(p, "publishedAt") ?? Str(entry, "publishedAt")) is { } at
            && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            published = DateOnly.FromDateTime(when.UtcDateTime);

        var repo = Str(p, "githubRepo");
        return new Paper(
            id,
            title,
            summary,
            authors,
            published,
            [],
            CodeUrl: WebLink.Safe(repo),
            GithubStars: Int(p, "githubStars"),
            Upvotes: Int(p, "upvotes") ?? Int(entry, "upvotes") ?? 0,
            AiSummary: Str(p, "ai_summary") is { Length: > 0 } s ? Whitespace.Collapse(s) : null,
            AiKeywords: keywords);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
