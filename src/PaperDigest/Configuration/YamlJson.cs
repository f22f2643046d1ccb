using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PaperDigest.Configuration;

/// <summary>A YAML map as JSON, for keys that are passed on as they are (llm.extra_body): plain true/false/null/numbers typed, the rest text.</summary>
internal static class YamlJson
{
    public static JsonObject ToJson(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in map.Children) obj[((YamlScalarNode)k).Value ?? ""] = Node(v);
        return obj;
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode m => ToJson(m),
        YamlSequenceNode s => new JsonArray([.. s.Children.Select(Node)]),
        YamlScalarNode { Style: ScalarStyle.Plain } p => Plain(p.Value),
        YamlScalarNode q => JsonValue.Create(q.Value ?? ""),
        _ => null,
    };

    private static JsonNode? Plain(string? value)
    {
        if (value is null or "" or "~" or "null") return null;
        if (value is "true" or "false") return JsonValue.Create(value == "true");
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
        return JsonValue.Create(value);
    }
}
