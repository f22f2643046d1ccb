using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperDigest.Papers;

namespace PaperDigest.Tracker;

/// <summary>
/// Renders docs/papers.json: the tracker's rows as data, topics in page order, rows as on the page.
/// Indented, with CJK left readable. Pure: data in, text out.
/// </summary>
internal static class TrackerJsonRenderer
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(TrackerPage page)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("updated_on", page.UpdatedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartObject("topics");
            foreach (var topic in page.Topics)
            {
                json.WriteStartArray(Whitespace.Collapse(topic.Name));
                foreach (var row in topic.NewestRows()) WriteRow(json, row);
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteRow(Utf8JsonWriter json, TrackerRow row)
    {
        json.WriteStartObject();
        json.WriteString("id", row.Id.Id);
        json.WriteString("title", Whitespace.Collapse(row.Title));
        json.WriteString("published", row.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("url", $"http://arxiv.org/abs/{row.Id.Id}");
        if (string.IsNullOrWhiteSpace(row.CodeUrl)) json.WriteNull("code_url");
        else json.WriteString("code_url", row.CodeUrl);
        if (row.Stars is { } stars) json.WriteNumber("stars", stars);
        else json.WriteNull("stars");
        json.WriteString("abstract", Whitespace.Collapse(row.Abstract));
        if (row.AbstractOriginal is null) json.WriteNull("abstract_original");
        else json.WriteString("abstract_original", Whitespace.Collapse(row.AbstractOriginal));
        json.WriteEndObject();
    }
}
