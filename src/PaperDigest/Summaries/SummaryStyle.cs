using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PaperDigest.Summaries;

/// <summary>A digest style: its fields (hence its JSON schema), its prompt file, and the prompt version that keys the cache.</summary>
internal sealed class SummaryStyle
{
    public SummaryStyle(string name, string description, bool needsFullText, IReadOnlyList<SummaryField> fields)
    {
        Name = name;
        Description = description;
        NeedsFullText = needsFullText;
        Fields = fields;
        Prompt = LoadPrompt(name);
        Schema = BuildSchema(fields).ToJsonString();
        // Any change to the prompt or the schema changes the version, so cached summaries of the old prompt are not reused.
        PromptVersion = name + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Prompt + "\n" + Schema)))[..12];
    }

    public string Name { get; }
    public string Description { get; }
    public bool NeedsFullText { get; }
    public IReadOnlyList<SummaryField> Fields { get; }
    public string Prompt { get; }
    public string Schema { get; }
    public string PromptVersion { get; }
    public string SchemaName => "paper_" + Name;

    public SummaryField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    private static JsonObject BuildSchema(IReadOnlyList<SummaryField> fields)
    {
        var properties = new JsonObject();
        foreach (var f in fields)
        {
            properties[f.Name] = f.Kind == FieldKind.List
                ? new JsonObject { ["type"] = "array", ["description"] = f.Description, ["items"] = new JsonObject { ["type"] = "string" } }
                : new JsonObject { ["type"] = "string", ["description"] = f.Description };
        }
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(fields.Select(f => (JsonNode)JsonValue.Create(f.Name)!).ToArray()),
            ["additionalProperties"] = false,
        };
    }

    private static string LoadPrompt(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith($".Prompts.{name}.md", StringComparison.Ordinal))
                       ?? throw new InvalidOperationException($"The prompt file Summaries/Prompts/{name}.md is not embedded.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
