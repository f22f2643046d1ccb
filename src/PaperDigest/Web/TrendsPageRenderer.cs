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
              .Append(until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(": every digest stored.</p>");
        sb.Append("<section><h2>Papers per day</h2>").Append(data.PerDay.Count == 0 ? Nothing : Columns(data.PerDay, "Papers per day")).Append("</section>");
        sb.Append("<section><h2>Papers per topic</h2>").Append(data.PerTopic.Count == 0 ? Nothing : Rows(data.PerTopic, "Papers per topic", links.Topic)).Append("</section>");
        // A keyword seen once is not a trend: only repeated ones are listed (an alphabetical list of count-1 items said nothing).
        var repeated = data.Keywords.Where(k => k.Count >= 2).ToList();
        sb.Append("<section><h2>Frequent keywords</h2>").Append(repeated.Count == 0
            ? "<p class=\"meta\">No keyword appears in more than one summary yet.</p>"
            : Rows(repeated, "Frequent keywords", null)).Append("</section>");
        return HtmlLayout.Page("Trends", sb.ToString(), links);
    }

    private const string Nothing = "<p class=\"meta\">No data yet.</p>";

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// A vertical bar per label (days), with the first, middle and last label under the axis. The drawing is 420 units
    /// wide so its 15-unit labels stay about 12 px on a phone; a bar is at most 36 units wide (one day is not a wall).
    /// </summary>
    internal static string Columns(IReadOnlyList<CountedLabel> items, string title)
    {
        const double width = 420, height = 180, top = 18, bottom = 28, left = 30;
        var max = Math.Max(1, items.Max(i => i.Count));
        var step = Math.Min((width - left) / items.Count, 45);
        var bar = Math.Max(1, step * 0.8);
        var sb = new StringBuilder($"<svg role=\"img\" viewBox=\"0 0 {F(width)} {F(height)}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{Html.Encode(title)}</title>");
        sb.Append($"<text class=\"axis\" x=\"0\" y=\"{F(top + 4)}\">{max}</text><text class=\"axis\" x=\"0\" y=\"{F(height - bottom)}\">0</text>");
        for (var i = 0; i < items.Count; i++)
        {
            var h = (height - top - bottom) * items[i].Count / max;
            var x = left + i * step;
            sb.Append($"<rect class=\"bar\" x=\"{F(x)}\" y=\"{F(height - bottom - h)}\" width=\"{F(bar)}\" height=\"{F(h)}\"><title>{Html.Encode(items[i].Label)}: {items[i].Count}</title></rect>");
        }
        foreach (var i in new[] { 0, items.Count / 2, items.Count - 1 }.Distinct())
            sb.Append($"<text class=\"axis\" x=\"{F(Math.Min(left + i * step, width - 80))}\" y=\"{F(height - 6)}\">{Html.Encode(items[i].Label[Math.Max(0, items[i].Label.Length - 5)..])}</text>");
        return sb.Append("</svg>").ToString();
    }

    /// <summary>
    /// A horizontal bar per label (topics, keywords) as an HTML list, not an SVG: labels are text that links when asked
    /// (no links inside an image), wraps and scales on a phone; the bar's width is its share of the largest count.
    /// </summary>
    internal static string Rows(IReadOnlyList<CountedLabel> items, string title, Func<string, string>? link)
    {
        var max = Math.Max(1, items.Max(i => i.Count));
        var sb = new StringBuilder($"<ul class=\"bars\" aria-label=\"{Html.Encode(title)}\">");
        foreach (var item in items)
        {
            var label = Html.Encode(item.Label);
            sb.Append("<li><span>").Append(link is null ? label : $"<a href=\"{Html.Encode(link(item.Label))}\">{label}</a>").Append("</span>")
              .Append("<span><span class=\"bar\" style=\"width:").Append(F(Math.Max(1, 85.0 * item.Count / max))).Append("%\"></span>")
              .Append("<span class=\"count\">").Append(item.Count.ToString(CultureInfo.InvariantCulture)).Append("</span></span></li>");
        }
        return sb.Append("</ul>").ToString();
    }
}
