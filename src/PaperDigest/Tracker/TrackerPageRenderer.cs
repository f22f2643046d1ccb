using System.Globalization;
using System.Text;
using PaperDigest.Papers;

namespace PaperDigest.Tracker;

/// <summary>
/// Renders README.md / docs/index.md of the tracker, byte for byte in the layout of the reference page:
/// Jekyll front matter, "## Updated on yyyy.MM.dd", the usage line, then per topic a heading, a blank
/// line, the table and a blank line. Pure: data in, text out (LF line ends).
/// </summary>
internal static class TrackerPageRenderer
{
    public const string UsageLine = "> Usage instructions: [here](./docs/README.md#usage)";
    public const string TableHeader = "| Publish Date | Title | Code | Abstract |";
    public const string TableAlignment = "|:---------|:-----------------------|:------|:-------------------------------------------------|";

    public static string Render(TrackerPage page)
    {
        var sb = new StringBuilder();
        sb.Append("---\nlayout: default\n---\n\n");
        sb.Append("## Updated on ").Append(page.UpdatedOn.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(UsageLine).Append("\n\n");
        foreach (var topic in page.Topics) AppendTopic(sb, topic);
        return sb.ToString();
    }

    /// <summary>One table row, e.g. <c>|**2025-09-26**|[Title](http://arxiv.org/abs/2509.22653)|null|Abstract|</c>.</summary>
    public static string RenderRow(TrackerRow row)
    {
        var code = WebLink.Safe(row.CodeUrl) is { } url ? $"**[link]({Cell(url)})**" : "null";
        return $"|**{row.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}**"
            + $"|[{Cell(row.Title)}](http://arxiv.org/abs/{row.Id.Id})"
            + $"|{code}|{Cell(row.Abstract)}|";
    }

    /// <summary>Text made safe for one table cell of a page GitHub Pages serves (see <see cref="MarkdownText.TableCell"/>).</summary>
    public static string Cell(string? text) => MarkdownText.TableCell(text);

    private static void AppendTopic(StringBuilder sb, TrackerTopic topic)
    {
        sb.Append("## ").Append(MarkdownText.NeutraliseLiquid(Whitespace.Collapse(topic.Name))).Append("\n\n");
        sb.Append(TableHeader).Append('\n');
        sb.Append(TableAlignment).Append('\n');
        foreach (var row in topic.NewestRows()) sb.Append(RenderRow(row)).Append('\n');
        sb.Append('\n');
    }
}
