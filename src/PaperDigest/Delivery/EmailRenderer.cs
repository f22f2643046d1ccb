using System.Text;

namespace PaperDigest.Delivery;

/// <summary>An email's three texts: the subject (with the date), the plain-text part and the HTML part.</summary>
internal sealed record EmailContent(string Subject, string Plain, string Html);

/// <summary>
/// Pure renderer of a digest as an email: a plain-text part, and an HTML part with inline CSS only (mail clients drop
/// style sheets), every title a link, every text from the paper or the LLM escaped, no script.
/// </summary>
internal static class EmailRenderer
{
    public static EmailContent Render(DeliveryDigest d)
    {
        var subject = $"{d.Title} · {d.Papers.Count} papers";
        var plain = new StringBuilder();
        plain.Append(d.Title).Append("\n\n");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(ChatText.Html(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:16px;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328;line-height:1.5\">")
            .Append("<h1 style=\"font-size:20px;margin:0 0 16px\">").Append(ChatText.Html(d.Title)).Append("</h1>");
        var n = 0;
        foreach (var p in d.Papers)
        {
            var url = ChatText.SafeUrl(p.Url);
            plain.Append(++n).Append(". ").Append(p.Title).Append('\n').Append("   ").Append(url).Append('\n');
            foreach (var line in p.Summary) plain.Append("   ").Append(line.ReplaceLineEndings(" ")).Append('\n');
            plain.Append('\n');
            html.Append("<div style=\"margin:0 0 18px;padding:0 0 12px;border-bottom:1px solid #d0d7de\">")
                .Append("<h2 style=\"font-size:16px;margin:0 0 6px\"><a style=\"color:#0969da;text-decoration:none\" href=\"").Append(ChatText.Html(url)).Append("\">")
                .Append(ChatText.Html(p.Title)).Append("</a></h2>");
            foreach (var line in p.Summary) html.Append("<p style=\"margin:0 0 4px;font-size:14px\">").Append(ChatText.Html(line)).Append("</p>");
            html.Append("</div>");
        }
        if (d.PageUrl is { } page)
        {
            plain.Append("Read the day's page: ").Append(page).Append('\n');
            html.Append("<p style=\"font-size:14px\"><a style=\"color:#0969da\" href=\"").Append(ChatText.Html(page)).Append("\">Read the day's page</a></p>");
        }
        html.Append("</body></html>");
        return new EmailContent(subject, plain.ToString(), html.ToString());
    }
}
