using System.Globalization;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace PaperDigest.Configuration;

/// <summary>
/// Reads the configuration, in increasing precedence: built-in defaults, paperdigest.yml (or --config FILE), the
/// conventional variables (OPENAI_BASE_URL, HF_ENDPOINT, ...), then PAPERDIGEST_&lt;SECTION&gt;__&lt;KEY&gt; variables.
/// Keys are snake_case in YAML (max_per_topic) and match properties case- and underscore-insensitively.
/// Every error names the file and line, or the variable, and the key.
/// </summary>
internal static class AppOptionsReader
{
    public const string DefaultFileName = "paperdigest.yml";

    /// <summary>Conventional variables users already set for other tools, and the key each one sets.</summary>
    private static readonly (string Variable, string Key)[] Conventional =
    [
        ("OPENAI_BASE_URL", "llm.base_url"),
        ("HF_ENDPOINT", "huggingface.endpoint"),
        ("ARXIV_API_URL", "arxiv.api_url"),
        ("ARXIV_BASE_URL", "reading.arxiv_base_url"),
        ("PAPERDIGEST_DB", "store.path"),
        ("ARXIV_RSS_URL", "arxiv.rss_url"),
    ];

    /// <summary>The deepest nesting a configuration file may have: its sections go a few levels deep (tracker.topics[].terms).</summary>
    internal const int MaxDepth = 16;

    public static AppOptions Read(string? configFile, string workingDirectory, IReadOnlyDictionary<string, string> env)
    {
        var options = new AppOptions();
        var locations = new KeyLocations();

        var file = configFile ?? Path.Combine(workingDirectory, DefaultFileName);
        if (configFile is not null && !File.Exists(file))
            throw new ConfigurationException($"--config: the file '{configFile}' does not exist.");
        if (File.Exists(file)) ApplyYaml(options, file, locations);

        // The environment wins over the file (the .NET configuration convention): conventional variables, then PAPERDIGEST_*.
        foreach (var (variable, key) in Conventional)
            if (env.TryGetValue(variable, out var value) && value.Length > 0)
                SetPath(options, key.Split('.'), value, $"environment variable {variable}", optional: true, locations);

        foreach (var (variable, value) in env.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!variable.StartsWith("PAPERDIGEST_", StringComparison.Ordinal) || !variable.Contains("__", StringComparison.Ordinal)) continue;
            var path = variable["PAPERDIGEST_".Length..].Split("__");
            SetPath(options, path, value, $"environment variable {variable}", optional: false, locations);
        }

        var problems = options.Validate().Select(locations.Locate).ToList();
        if (problems.Count > 0)
            throw new ConfigurationException("Invalid configuration: " + string.Join("; ", problems) + ".");
        return options;
    }

    private static void ApplyYaml(AppOptions options, string file, KeyLocations locations)
    {
        var text = File.ReadAllText(file);
        CheckSyntax(text, file);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException ex) // duplicate keys, undefined aliases: found only when the nodes are built
        {
            throw new ConfigurationException($"{file}:{ex.Start.Line}:{ex.Start.Column}: {(ex.InnerException ?? ex).Message}");
        }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return;
        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw new ConfigurationException($"{file}:{yaml.Documents[0].RootNode.Start.Line}: the file must be a mapping of sections (llm:, digest:, ...).");
        BindMapping(options, root, "", file, locations);
    }

    /// <summary>
    /// Walks the YAML events once so that a syntax error names its line. YamlDotNet reports most errors as YamlException
    /// with a position, but some as a bare InvalidOperationException: then the line after the last good event is named.
    /// </summary>
    private static void CheckSyntax(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        Mark last = Mark.Empty;
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is not { } e) continue;
                last = e.End;
                if (e is MappingStart or SequenceStart && ++depth > MaxDepth)
                    throw new ConfigurationException($"{file}:{e.Start.Line}: the YAML nests deeper than {MaxDepth} levels; PaperDigest's keys go only a few levels deep (e.g. tracker: topics: - terms: [...]).");
                if (e is MappingEnd or SequenceEnd) depth--;
            }
        }
        catch (YamlException ex)
        {
            throw new ConfigurationException($"{file}:{ex.Start.Line}:{ex.Start.Column}: YAML syntax error: {(ex.InnerException ?? ex).Message}");
        }
        catch (InvalidOperationException)
        {
            throw new ConfigurationException($"{file}:{last.Line}: YAML syntax error after line {last.Line}, column {last.Column} (an unclosed bracket or quote, or bad indentation?).");
        }
    }

    private static void BindMapping(object target, YamlMappingNode map, string prefix, string file, KeyLocations locations)
    {
        foreach (var (keyNode, valueNode) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
                throw new ConfigurationException($"{file}:{keyNode.Start.Line}: a key must be a plain name.");
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            var where = $"{file}:{keyNode.Start.Line}";
            var property = FindProperty(target.GetType(), key)
                ?? throw new ConfigurationException($"{where}: unknown key '{path}'. Known keys here: {KnownKeys(target.GetType())}.");
            var type = property.PropertyType;
            if (type == typeof(System.Text.Json.Nodes.JsonObject))
            {
                // A free-form map passed on as it is (llm.extra_body).
                locations.Set(path, where);
                if (valueNode is YamlScalarNode { Value: null or "" or "{}" }) continue;
                if (valueNode is not YamlMappingNode free) throw new ConfigurationException($"{where}: '{path}' takes a mapping, e.g. {{enable_thinking: false}}.");
                property.SetValue(target, YamlJson.ToJson(free));
                continue;
            }
            if (IsScalar(type) || ListItemType(type) is not null) locations.Set(path, where);
            if (IsScalar(type))
            {
                if (valueNode is not YamlScalarNode scalar)
                    throw new ConfigurationException($"{where}: '{path}' takes a single value ({Describe(type)}), not a {(valueNode is YamlSequenceNode ? "list" : "mapping")}.");
                var isNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "~" or "null" or "";
                property.SetValue(target, isNull && !type.IsValueType ? null : Convert(scalar.Value ?? "", type, $"{where}: '{path}'"));
            }
            else if (ListItemType(type) is { } itemType)
            {
                var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
                var items = valueNode switch
                {
                    YamlSequenceNode seq => seq.Children,
                    YamlScalarNode s when IsScalar(itemType) && !string.IsNullOrEmpty(s.Value) => [s],
                    YamlScalarNode { Value: null or "" } => [],
                    _ => throw new ConfigurationException($"{where}: '{path}' takes a list."),
                };
                foreach (var item in items)
                {
                    var itemWhere = $"{file}:{item.Start.Line}";
                    if (IsScalar(itemType))
                    {
                        if (item is not YamlScalarNode s) throw new ConfigurationException($"{itemWhere}: each item of '{path}' must be a single value.");
                        list.Add(Convert(s.Value ?? "", itemType, $"{itemWhere}: an item of '{path}'"));
                    }
                    else if (item is YamlScalarNode text && itemType.GetConstructor([typeof(string)]) is { } fromText)
                    {
                        // An object that can be built from one text (e.g. a topic term) may be written as that text.
                        list.Add(fromText.Invoke([text.Value ?? ""]));
                    }
                    else
                    {
                        if (item is not YamlMappingNode m) throw new ConfigurationException($"{itemWhere}: each item of '{path}' must be a mapping ({KnownKeys(itemType)}).");
                        var element = Activator.CreateInstance(itemType)!;
                        BindMapping(element, m, path + "[]", file, locations);
                        list.Add(element);
                    }
                }
                property.SetValue(target, list);
            }
            else
            {
                if (valueNode is YamlScalarNode { Value: null or "" }) continue; // an empty section keeps its defaults
                if (valueNode is not YamlMappingNode section)
                    throw new ConfigurationException($"{where}: '{path}' is a section: give it keys ({KnownKeys(type)}).");
                BindMapping(property.GetValue(target)!, section, path, file, locations);
            }
        }
    }

    private static void SetPath(object target, IReadOnlyList<string> path, string value, string origin, bool optional, KeyLocations locations)
    {
        var display = string.Join('.', path).ToLowerInvariant();
        for (var i = 0; i < path.Count; i++)
        {
            var property = FindProperty(target.GetType(), path[i]);
            if (property is null)
            {
                if (optional) return;
                throw new ConfigurationException($"{origin}: unknown key '{display}'. Known keys here: {KnownKeys(target.GetType())}.");
            }
            var type = property.PropertyType;
            if (i < path.Count - 1)
            {
                if (IsScalar(type) || ListItemType(type) is not null)
                    throw new ConfigurationException($"{origin}: '{display}' goes deeper than the key '{path[i].ToLowerInvariant()}' allows.");
                target = property.GetValue(target)!;
                continue;
            }
            locations.Set(display, origin);
            if (IsScalar(type)) property.SetValue(target, Convert(value, type, $"{origin}: '{display}'"));
            else if (ListItemType(type) is { } itemType && IsScalar(itemType))
            {
                var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
                foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    list.Add(Convert(item, itemType, $"{origin}: '{display}'"));
                property.SetValue(target, list);
            }
            else throw new ConfigurationException($"{origin}: '{display}' is a section or a list of sections; set it in the YAML file.");
        }
    }

    private static PropertyInfo? FindProperty(Type type, string key)
    {
        var wanted = Normalize(key);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.CanWrite && Normalize(p.Name) == wanted);
    }

    private static string Normalize(string key) => key.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

    private static string KnownKeys(Type type) =>
        string.Join(", ", type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => SnakeCase(p.Name)));

    internal static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(int) || t == typeof(double) || t == typeof(bool) || t.IsEnum;
    }

    private static Type? ListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    private static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(t).Select(SnakeCase));
        return t == typeof(int) ? "a whole number" : t == typeof(double) ? "a number" : t == typeof(bool) ? "true or false" : "a text";
    }

    private static object? Convert(string value, Type type, string where)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return value;
        if (value.Length == 0 && Nullable.GetUnderlyingType(type) is not null) return null;
        if (t == typeof(int) && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return i;
        if (t == typeof(double) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        if (t == typeof(bool) && bool.TryParse(value, out var b)) return b;
        if (t.IsEnum && Enum.TryParse(t, value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var e) && Enum.IsDefined(t, e!)) return e;
        throw new ConfigurationException($"{where} must be {Describe(type)}, but is '{value}'.");
    }
}
