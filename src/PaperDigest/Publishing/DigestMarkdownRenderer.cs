using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PaperDigest.Papers;
using PaperDigest.Summaries;

namespace PaperDigest.Publishing;

/// <summary>Pure renderer of the daily digest layouts of PRODUCT.md (brief like seed 000, keywords like seeds 001/003).</summary>
internal static class DigestMarkdownRenderer
{
    public static string Render(Digest digest, SummaryStyle style) => style.Name switch
    {
        "brief" => Brief(digest, style),
        "keywords" => Keywords(digest, style),
        "report" => ReportMarkdownRenderer.Render(digest),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style.Name, "no Markdown layout for this style"),
    };

    private static string Brief(Digest digest, SummaryStyle style)
    {
        var sb = Header(digest);
        var numerals = new[] { "i", "ii", "iii", "iv", "v", "vi", "vii" };
        foreach (var entry in digest.Entries)
        {
            sb.Append("## [").Append(LinkText(entry.Paper.Title)).Append("](").Append(PdfUrl(entry.Paper)).Append(")\n");
            sb.Append("summary:");
            if (Failure(entry, style, digest.Lang) is { } failure) sb.Append(failure);
            else
            {
                var summary = entry.Summaries[style.Name];
                var parts = style.Fields.Select((f, i) =>
                    $"{numerals[i]}) {f.Heading(digest.Lang)}{(digest.Lang == "en" ? ": " : " ")}{FieldText(summary, f, digest.Lang)}");
                sb.AppendJoin("  ", parts);
            }
            sb.Append("\n\n");
        }
        return sb.ToString();
    }

    private static string Keywords(Digest digest, SummaryStyle style)
    {
        var sb = Header(digest);
        var colon = digest.Lang == "en" ? ": " : "：";
        var comma = digest.Lang == "en" ? ", " : "，";
        for (var n = 0; n < digest.Entries.Count; n++)
        {
            var entry = digest.Entries[n];
            sb.Append("## ").Append(n.ToString(CultureInfo.InvariantCulture)).Append(".[").Append(LinkText(entry.Paper.Title)).Append("](").Append(PdfUrl(entry.Paper)).Append(")\n");
            sb.Append("summary:");
            if (Failure(entry, style, digest.Lang) is { } failure) sb.Append(failure);
            else
            {
                var summary = entry.Summaries[style.Name];
                var parts = style.Fields.Select(f =>
                    $"**{f.Heading(digest.Lang)}**{colon}" + (f.Kind == FieldKind.List
                        ? string.Join(comma, Items(summary.Fields[f.Name]).Select(k => $"**{MarkdownText.KeywordItem(NumberCheck.Mark(Whitespace.Collapse(k), summary.Unsupported))}**"))
                        : FieldText(summary, f, digest.Lang)));
                sb.AppendJoin("  ", parts);
            }
            sb.Append("\n\n");
        }
        return sb.ToString();
    }

    private static StringBuilder Header(Digest digest) =>
        new StringBuilder("\n\n# Papers for ").Append(digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\n\n");

    /// <summary>The failure line of a paper whose summary of this style failed or is missing; null when it is fine.</summary>
    internal static string? Failure(DigestEntry entry, SummaryStyle style, string lang)
    {
        if (entry.Summaries.TryGetValue(style.Name, out var s) && s.IsOk) return null;
        var reason = MarkdownText.ModelLine(s?.Error ?? (lang == "en" ? "not summarized" : "未生成"));
        return lang == "en" ? $"⚠ Summary failed: {reason}" : $"⚠ 摘要生成失败：{reason}";
    }

    /// <summary>A field on one line with every unsupported number marked ⚠, the model's Markdown normalised (<see cref="MarkdownText.ModelLine"/>).</summary>
    internal static string FieldText(StoredSummary summary, SummaryField field, string lang)
    {
        var node = summary.Fields[field.Name];
        var text = field.Kind == FieldKind.List ? string.Join(lang == "en" ? ", " : "，", Items(node)) : node?.GetValue<string>() ?? "";
        return MarkdownText.ModelLine(NumberCheck.Mark(Whitespace.Collapse(text), summary.Unsupported));
    }

    /// <summary>The items of a list field, each on one line with its unsupported numbers marked ⚠ and its Markdown normalised.</summary>
    internal static IEnumerable<string> ListItems(StoredSummary summary, string field) =>
        Items(summary.Fields[field]).Select(i => MarkdownText.ModelLine(NumberCheck.Mark(Whitespace.Collapse(i), summary.Unsupported)));

    private static IEnumerable<string> Items(JsonNode? node) =>
        node is JsonArray a ? a.Select(i => i?.GetValue<string>() ?? "").Where(i => i.Length > 0) : [];

    internal static string PdfUrl(Paper paper) => $"https://arxiv.org/pdf/{paper.Id.Id}";

    /// <summary>A title as Markdown link text: single-spaced and literal (brackets, emphasis, HTML and Liquid escaped) so the link cannot break.</summary>
    internal static string LinkText(string title) => MarkdownText.Literal(title);
}
