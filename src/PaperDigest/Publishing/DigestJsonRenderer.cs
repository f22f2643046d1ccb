using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperDigest.Publishing;

/// <summary>Pure renderer of daily/&lt;date&gt;.json: the digest as data (PRODUCT.md "Output files").</summary>
internal static class DigestJsonRenderer
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(Digest digest)
    {
        var date = digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var papers = new JsonArray();
        foreach (var e in digest.Entries)
        {
            var summaries = new JsonObject();
            foreach (var style in digest.Styles)
            {
                if (!e.Summaries.TryGetValue(style, out var s)) { summaries[style] = null; continue; }
                summaries[style] = s.IsOk
                    ? s.Fields.DeepClone()
                    : new JsonObject { ["error"] = s.Error };
            }
            var paper = new JsonObject
            {
                ["id"] = e.Paper.Id.Versioned,
                ["title"] = e.Paper.Title,
                ["authors"] = new JsonArray(e.Paper.Authors.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
                ["upvotes"] = e.Paper.Upvotes ?? 0,
                ["code_url"] = e.Paper.CodeUrl,
                ["pdf_url"] = DigestMarkdownRenderer.PdfUrl(e.Paper),
                ["source"] = e.Source,
                ["status"] = e.Failed ? "failed" : "ok",
                ["error"] = e.Summaries.Values.FirstOrDefault(s => !s.IsOk)?.Error,
                ["summaries"] = summaries,
                ["unsupported_numbers"] = new JsonArray(e.Unsupported.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
            };
            if (e.Relevance is { } r)
                paper["relevance"] = new JsonObject { ["score"] = r.Score, ["why"] = new JsonArray(r.Why.Select(w => (JsonNode)JsonValue.Create(w)!).ToArray()) };
            papers.Add(paper);
        }
        var root = new JsonObject
        {
            ["date"] = date,
            ["lang"] = digest.Lang,
            ["source_url"] = digest.Origin?.Url ?? $"https://huggingface.co/papers/date/{date}",
            ["styles"] = new JsonArray(digest.Styles.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
            ["papers"] = papers,
        };
        return root.ToJsonString(Options) + "\n";
    }
}
