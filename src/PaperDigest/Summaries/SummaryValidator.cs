using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperDigest.Summaries;

/// <summary>Checks an LLM reply against the style's schema and the asked language.</summary>
internal static class SummaryValidator
{
    /// <summary>The reply's fields when valid; otherwise the problems, in words the model is shown on a retry.</summary>
    public static (JsonObject? Fields, IReadOnlyList<string> Problems) Validate(string reply, SummaryStyle style, string lang)
    {
        var problems = new List<string>();
        JsonObject? obj;
        try
        {
            obj = JsonNode.Parse(ExtractJson(reply)) as JsonObject;
        }
        catch (JsonException ex)
        {
            return (null, [$"the reply is not valid JSON ({ex.Message.Split('\n')[0]})"]);
        }
        catch (ArgumentException) // JsonNode rejects an object with the same key twice only when it is indexed
        {
            return (null, ["the reply has the same JSON key twice"]);
        }
        if (obj is null) return (null, ["the reply is not a JSON object"]);
        try
        {
            _ = obj.Count > 0 ? obj[obj.First().Key] : null; // forces the duplicate-key check before the fields are read
        }
        catch (ArgumentException)
        {
            return (null, ["the reply has the same JSON key twice"]);
        }

        var fields = new JsonObject();
        var prose = new System.Text.StringBuilder();
        foreach (var f in style.Fields)
        {
            var node = obj[f.Name];
            if (node is null) { problems.Add($"the required field \"{f.Name}\" is missing"); continue; }
            if (f.Kind == FieldKind.Text)
            {
                if (node is not JsonValue v || !v.TryGetValue<string>(out var s)) { problems.Add($"\"{f.Name}\" must be a string"); continue; }
                if (string.IsNullOrWhiteSpace(s)) { problems.Add($"\"{f.Name}\" must not be empty"); continue; }
                fields[f.Name] = s.Trim();
                if (f.IsProse) prose.Append(s).Append('\n');
            }
            else
            {
                if (node is not JsonArray a || a.Any(i => i is not JsonValue iv || !iv.TryGetValue<string>(out _)))
                {
                    problems.Add($"\"{f.Name}\" must be an array of strings");
                    continue;
                }
                var items = a.Select(i => i!.GetValue<string>().Trim()).Where(i => i.Length > 0).ToList();
                if (items.Count == 0) { problems.Add($"\"{f.Name}\" must not be empty"); continue; }
                fields[f.Name] = new JsonArray(items.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());
                if (f.IsProse) prose.AppendJoin('\n', items).Append('\n');
            }
        }

        if (problems.Count == 0 && LanguageCheck.Problem(prose.ToString(), lang) is { } wrongLanguage)
            problems.Add(wrongLanguage);
        return problems.Count == 0 ? (fields, problems) : (null, problems);
    }

    /// <summary>The JSON object inside a reply that may be wrapped in a Markdown code fence or prose (providers without structured output).</summary>
    internal static string ExtractJson(string reply)
    {
        var s = reply.Trim();
        if (s.StartsWith('{')) return s;
        var start = s.IndexOf('{');
        var end = s.LastIndexOf('}');
        return start >= 0 && end > start ? s[start..(end + 1)] : s;
    }
}
