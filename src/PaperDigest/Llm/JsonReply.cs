using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperDigest.Llm;

/// <summary>
/// The one reading of a model's reply as a JSON object. Providers without structured output wrap it in a Markdown
/// fence (```json ... ```), in prose, or in whitespace; the object inside is taken.
/// </summary>
internal static class JsonReply
{
    /// <summary>The reply's JSON object, or a problem in words the model is shown on a re-ask.</summary>
    public static (JsonObject? Object, string? Problem) Parse(string reply)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(Extract(reply));
        }
        catch (JsonException ex)
        {
            return (null, $"the reply is not valid JSON ({ex.Message.Split('\n')[0]})");
        }
        if (node is not JsonObject obj) return (null, "the reply is not a JSON object");
        try
        {
            // JsonNode finds a key given twice only when the object is first indexed: force it here, once.
            _ = obj.Count > 0 ? obj[obj.First().Key] : null;
        }
        catch (ArgumentException)
        {
            return (null, "the reply has the same JSON key twice");
        }
        if (HasUndecodableText(obj)) return (null, "the reply holds text that is not valid Unicode (an escaped lone surrogate such as \\ud800)");
        return (obj, null);
    }

    /// <summary>True when a string in the tree cannot be read (.NET refuses an escaped lone surrogate only when the value is read).</summary>
    private static bool HasUndecodableText(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o: return o.Any(p => HasUndecodableText(p.Value));
            case JsonArray a: return a.Any(HasUndecodableText);
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                try
                {
                    _ = v.GetValue<string>();
                    return false;
                }
                catch (InvalidOperationException)
                {
                    return true;
                }
            default: return false;
        }
    }

    /// <summary>The text of the JSON object inside a reply: a fenced block's body when it holds one, else first '{' to last '}'.</summary>
    internal static string Extract(string reply)
    {
        var s = reply.Trim();
        if (s.StartsWith('{')) return s;
        var fence = s.IndexOf("```", StringComparison.Ordinal);
        if (fence >= 0)
        {
            var bodyStart = s.IndexOf('\n', fence);
            var close = bodyStart < 0 ? -1 : s.IndexOf("```", bodyStart, StringComparison.Ordinal);
            if (close > bodyStart)
            {
                var body = s[(bodyStart + 1)..close].Trim();
                if (body.StartsWith('{')) return body;
            }
        }
        var start = s.IndexOf('{');
        var end = s.LastIndexOf('}');
        return start >= 0 && end > start ? s[start..(end + 1)] : s;
    }
}
