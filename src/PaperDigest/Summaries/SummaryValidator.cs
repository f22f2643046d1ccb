using System.Text.Json.Nodes;
using PaperDigest.Llm;
using PaperDigest.Papers;

namespace PaperDigest.Summaries;

/// <summary>Checks a reply's JSON object (read by <see cref="JsonReply"/>) against the style's fields and the asked language.</summary>
internal static class SummaryValidator
{
    /// <summary>The reply's fields, trimmed, when valid; otherwise the problems, in words the model is shown on a re-ask.</summary>
    public static ReplyCheck<JsonObject> Check(JsonObject obj, SummaryStyle style, string lang)
    {
        var problems = new List<string>();
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
        return problems.Count == 0 ? ReplyCheck<JsonObject>.Valid(fields) : ReplyCheck<JsonObject>.Invalid(problems);
    }
}
