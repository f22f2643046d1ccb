using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaperDigest.Summaries;

namespace PaperDigest.Delivery;

/// <summary>
/// Reads what `daily` published for a day: daily[/&lt;source&gt;]/&lt;date&gt;.json (the default language) and
/// &lt;date&gt;.&lt;lang&gt;.json (others), one <see cref="DeliveryDigest"/> per style and language in them.
/// The published file is what readers already see, so the message says the same.
/// </summary>
internal static class DigestFileReader
{
    public const string DefaultSource = "huggingface";

    /// <summary>Where `daily` writes a source's days: daily/ for Hugging Face, daily/&lt;source&gt;/ for a named one.</summary>
    public static string Folder(string outDir, string? source) => Path.Combine(outDir, "daily", source is null or DefaultSource ? "" : source);

    public static IReadOnlyList<string> Files(string outDir, DateOnly date, string? source)
    {
        var dir = Folder(outDir, source);
        if (!Directory.Exists(dir)) return [];
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Directory.EnumerateFiles(dir, day + "*.json")
            .Where(f => Path.GetFileName(f) is var n && (n == day + ".json" || (n.Count(c => c == '.') == 2 && n.StartsWith(day + ".", StringComparison.Ordinal))))
            .Order(StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<DeliveryDigest> Read(string file, string source, string? style, string? pageUrl)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException ex)
        {
            throw new IOException($"{file} is not a digest PaperDigest wrote ({ex.Message}); run `daily` for that day again.", ex);
        }
        var date = DateOnly.ParseExact((string?)root["date"] ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lang = (string?)root["lang"] ?? "zh";
        var styles = (root["styles"] as JsonArray ?? []).Select(s => (string?)s).OfType<string>()
            .Where(s => style is null || string.Equals(s, style, StringComparison.OrdinalIgnoreCase)).ToList();
        var papers = root["papers"] as JsonArray ?? [];
        return styles.Select(s => new DeliveryDigest(date, source, s, lang,
            papers.OfType<JsonObject>().Select(p => Paper(p, s, lang)).ToList(), pageUrl)).ToList();
    }

    private static DeliveryPaper Paper(JsonObject p, string style, string lang)
    {
        var id = (string?)p["id"] ?? "";
        var summary = p["summaries"]?[style] switch
        {
            JsonObject { } o when o["error"] is not null && o.Count == 1 => ["(no summary: " + (string?)o["error"] + ")"],
            JsonObject { } o => Lines(o, SummaryStyles.Find(style), lang),
            _ => new List<string> { "(no summary in this style)" },
        };
        return new DeliveryPaper(id, (string?)p["title"] ?? id, (string?)p["pdf_url"] ?? $"https://arxiv.org/abs/{id}", summary);
    }

    /// <summary>A summary's fields as lines, each "heading: text" with the style's heading in the digest's language (a lone field is its text).</summary>
    private static List<string> Lines(JsonObject fields, SummaryStyle? style, string lang)
    {
        var lines = new List<string>();
        foreach (var (key, value) in fields)
        {
            var text = value switch
            {
                JsonArray a => string.Join("; ", a.Select(v => v?.ToString()).Where(v => !string.IsNullOrWhiteSpace(v))),
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                null => "",
                _ => value.ToJsonString(),
            };
            if (text.Length == 0) continue;
            lines.Add(fields.Count == 1 ? text : $"{style?.Field(key)?.Heading(lang) ?? key}: {text}");
        }
        return lines;
    }
}
