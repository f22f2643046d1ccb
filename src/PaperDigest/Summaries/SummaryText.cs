using System.Text;
using System.Text.Json.Nodes;

namespace PaperDigest.Summaries;

/// <summary>The prose of a structured summary as one string (for the number check and for search).</summary>
internal static class SummaryText
{
    public static string Of(JsonObject fields)
    {
        var sb = new StringBuilder();
        foreach (var (_, node) in fields)
        {
            switch (node)
            {
                case JsonArray a:
                    foreach (var item in a) sb.Append(item?.ToString()).Append('\n');
                    break;
                case JsonValue v:
                    sb.Append(v.ToString()).Append('\n');
                    break;
            }
        }
        return sb.ToString();
    }
}
