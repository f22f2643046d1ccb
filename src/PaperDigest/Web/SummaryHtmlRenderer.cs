using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaperDigest.Summaries;

namespace PaperDigest.Web;

/// <summary>Pure renderer of one stored summary as HTML: every field under its heading, unsupported numbers marked, all text encoded.</summary>
internal static class SummaryHtmlRenderer
{
    public const string UnsupportedTitle = "not found in the text the summary was read from";

    /// <summary>The summary's fields as a definition list, or the failure.</summary>
    public static string Fields(StoredSummary summary)
    {
        if (!summary.IsOk)
            return $"<p class=\"failed\">⚠ Summary failed: {Html.Encode(summary.Error ?? "unknown error")}</p>";
        var style = SummaryStyles.Find(summary.Key.Style);
        var sb = new StringBuilder("<dl class=\"summary\" lang=\"").Append(HtmlLayout.HtmlLang(summary.Key.Lang)).Append("\">");
        foreach (var (name, node) in Ordered(summary.Fields, style))
        {
            var heading = style?.Field(name)?.Heading(summary.Key.Lang) ?? Humanize(name);
            sb.Append("<dt>").Append(Html.Encode(heading)).Append("</dt><dd>").Append(name == "keywords" ? Value(node, summary) : Item(node, summary)).Append("</dd>");
        }
        return sb.Append("</dl>").ToString();
    }

    /// <summary>A full summary section: heading with style, language, source, model; fields; the unsupported numbers.</summary>
    public static string Section(StoredSummary summary)
    {
        var sb = new StringBuilder("<section class=\"summary-block\">");
        sb.Append("<h2>").Append(Html.Encode(StyleName(summary.Key.Style))).Append(" <span class=\"badge\">").Append(Html.Encode(summary.Key.Lang)).Append("</span></h2>");
        sb.Append("<p class=\"meta\">").Append(Html.Encode(SourceText(summary.Source))).Append(" · ").Append(Html.Encode(summary.Key.Model))
          .Append(" · ").Append(summary.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</p>");
        sb.Append(Fields(summary));
        if (summary.Unsupported.Count > 0)
            sb.Append("<p class=\"meta\">⚠ Numbers not found in the source text: ")
              .AppendJoin(", ", summary.Unsupported.Select(n => $"<mark class=\"unsupported\" title=\"{UnsupportedTitle}\">{Html.Encode(n)}</mark>"))
              .Append("</p>");
        return sb.Append("</section>").ToString();
    }

    /// <summary>What the summary was read from, in words (summaries.source).</summary>
    public static string SourceText(string source) => source switch
    {
        "HTML" => "read from the arXiv HTML full text",
        "PDF" => "read from the PDF full text",
        "Abs" => "read from the abstract only",
        "offline" => "offline extract of the abstract (no LLM)",
        _ => "read from " + source,
    };

    public static string StyleName(string style) => style switch
    {
        "brief" => "Brief",
        "keywords" => "Keywords",
        "report" => "Report",
        _ => Humanize(style),
    };

    /// <summary>All text of a summary, flattened (feeds, snippets), the model's "**" emphasis markers removed.</summary>
    public static string PlainText(StoredSummary summary) =>
        string.Join(" ", Ordered(summary.Fields, SummaryStyles.Find(summary.Key.Style)).Select(kv => Papers.MarkdownText.StripEmphasis(Flatten(kv.Value))).Where(t => t.Length > 0));

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Ordered(JsonObject fields, SummaryStyle? style)
    {
        if (style is null) return fields;
        var known = style.Fields.Where(f => fields.ContainsKey(f.Name)).Select(f => new KeyValuePair<string, JsonNode?>(f.Name, fields[f.Name]));
        return known.Concat(fields.Where(kv => style.Field(kv.Key) is null));
    }

    /// <summary>A list field other than keywords (steps, innovations, results) reads as a list, not as tags.</summary>
    private static string Item(JsonNode? node, StoredSummary summary) => node is JsonArray array
        ? "<ol class=\"items\">" + string.Concat(array.Select(i => "<li>" + Text(Flatten(i), summary) + "</li>")) + "</ol>"
        : Value(node, summary);

    private static string Value(JsonNode? node, StoredSummary summary) => node switch
    {
        JsonArray array => "<ul class=\"tags\">" + string.Concat(array.Select(i => "<li>" + Text(Flatten(i), summary) + "</li>")) + "</ul>",
        JsonObject obj => "<dl class=\"summary\">" + string.Concat(obj.Select(kv => $"<dt>{Html.Encode(Humanize(kv.Key))}</dt><dd>{Value(kv.Value, summary)}</dd>")) + "</dl>",
        null => "",
        _ => Text(Flatten(node), summary),
    };

    private static string Text(string text, StoredSummary summary) =>
        Emphasis(Unsupported(Papers.Whitespace.Collapse(text), summary.Unsupported));

    /// <summary>
    /// The model's Markdown bold in encoded HTML: "**" pairs become &lt;strong&gt;, an unpaired one is dropped ('*' is not
    /// touched by the encoder, and never stands inside a mark, which holds only a number).
    /// </summary>
    internal static string Emphasis(string html)
    {
        var parts = html.Split("**");
        if (parts.Length == 1) return html;
        var sb = new StringBuilder(html.Length + 16);
        for (var i = 0; i < parts.Length; i++)
        {
            sb.Append(parts[i]);
            if (i == parts.Length - 1) break;
            var paired = parts.Length % 2 == 1 || i < parts.Length - 2;
            if (paired) sb.Append(i % 2 == 0 ? "<strong>" : "</strong>");
        }
        return sb.ToString();
    }

    /// <summary>Encodes text and marks the unsupported numbers where they stand as whole numbers (4.4% is not marked inside 94.4%).</summary>
    internal static string Unsupported(string text, IReadOnlyCollection<string> unsupported)
    {
        var sb = new StringBuilder();
        var at = 0;
        foreach (var (start, length) in NumberCheck.Find(text, unsupported))
        {
            sb.Append(Html.Encode(text[at..start]))
              .Append("<mark class=\"unsupported\" title=\"").Append(UnsupportedTitle).Append("\">")
              .Append(Html.Encode(text.Substring(start, length))).Append("</mark>");
            at = start + length;
        }
        return sb.Append(Html.Encode(text[at..])).ToString();
    }

    private static string Flatten(JsonNode? node) => node switch
    {
        null => "",
        JsonArray a => string.Join(", ", a.Select(Flatten)),
        JsonObject o => string.Join(" ", o.Select(kv => Flatten(kv.Value))),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static string Humanize(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..].Replace('_', ' ');
}
