using System.Globalization;
using System.Text;

namespace PaperDigest.Web;

/// <summary>Pure renderer of /trends: papers per day and per topic and frequent keywords as SVG bar charts drawn here (no JS).</summary>
internal static class TrendsPageRenderer
{
    public static string Render(TrendsData data, WebLinks links)
    {
        var sb = new StringBuilder("<h1>Trends</h1>");
        if (data.Since is { } since && data.Until is { } until)
            sb.Append("<p class=\"lead\">").Append(since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(" to ")
              .Append(until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(", up to the newest papers stored.</p>");
        sb.Append("<section><h2>Papers per day</h2>").Append(data.PerDay.Count == 0 ? Nothing : Columns(data.PerDay, "Papers per day")).Append("</section>");
        sb.Append("<section><h2>Papers per topic</h2>").Append(data.PerTopic.Count == 0 ? Nothing : Rows(data.PerTopic, "Papers per topic", links.Topic)).Append("</section>");
        sb.Append("<section><h2>Frequent keywords</h2>").Append(data.Keywords.Count == 0 ? Nothing : Rows(data.Keywords, "Frequent keywords", null)).Append("</section>");
        return HtmlLayout.Page("Trends", sb.ToString(), links);
    }

    private const string Nothing = "<p class=\"meta\">No data yet.</p>";

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A vertical bar per label (days), with the first, middle and last label under the axis.</summary>
    internal static string Columns(IReadOnlyList<CountedLabel> items, string title)
    {
        const double width = 720, height = 200, top = 16, bottom = 24, left = 32;
        var max = Math.Max(1, items.Max(i => i.Count));
        var step = (width - left) / items.Count;
        var bar = Math.Max(1, step * 0.8);
        var sb = new StringBuilder($"<svg role=\"img\" viewBox=\"0 0 {F(width)} {F(height)}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{Html.Encode(title)}</title>");
        sb.Append($"<text x=\"0\" y=\"{F(top + 4)}\">{max}</text><text x=\"0\" y=\"{F(height - bottom)}\">0</text>");
        for (var i = 0; i < items.Count; i++)
        {
            var h = (height - top - bottom) * items[i].Count / max;
            var x = left + i * step;
            sb.Append($"<rect class=\"bar\" x=\"{F(x)}\" y=\"{F(height - bottom - h)}\" width=\"{F(bar)}\" height=\"{F(h)}\"><title>{Html.Encode(items[i].Label)}: {items[i].Count}</title></rect>");
        }
        foreach (var i in new[] { 0, items.Count / 2, items.Count - 1 }.Distinct())
            sb.Append($"<text x=\"{F(Math.Min(left + i * step, width - 70))}\" y=\"{F(height - 6)}\">{Html.Encode(items[i].Label)}</text>");
        return sb.Append("</svg>").ToString();
    }

    /// <summary>A horizontal bar per label (topics, keywords), label on the left, count on the right; labels link when asked.</summary>
    internal static string Rows(IReadOnlyList<CountedLabel> items, string title, Func<string, string>? link)
    {
        const double width = 720, row = 24, labelWidth = 230, countWidth = 50;
        var height = row * items.Count + 8;
        var max = Math.Max(1, items.Max(i => i.Count));
        var sb = new StringBuilder($"<svg role=\"img\" viewBox=\"0 0 {F(width)} {F(height)}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{Html.Encode(title)}</title>");
        for (var i = 0; i < items.Count; i++)
        {
            var y = 4 + i * row;
            var w = (width - labelWidth - countWidth) * items[i].Count / max;
            var label = items[i].Label.Length > 32 ? items[i].Label[..31] + "…" : items[i].Label;
            var text = $"<text x=\"0\" y=\"{F(y + 16)}\">{Html.Encode(label)}</text>";
            sb.Append(link is null ? text : $"<a href=\"{Html.Encode(link(items[i].Label))}\">{text}</a>");
            sb.Append($"<rect class=\"bar\" x=\"{F(labelWidth)}\" y=\"{F(y + 4)}\" width=\"{F(Math.Max(1, w))}\" height=\"{F(row - 8)}\"><title>{Html.Encode(items[i].Label)}: {items[i].Count}</title></rect>");
            sb.Append($"<text x=\"{F(labelWidth + w + 6)}\" y=\"{F(y + 16)}\">{items[i].Count}</text>");
        }
        return sb.Append("</svg>").ToString();
    }
}
