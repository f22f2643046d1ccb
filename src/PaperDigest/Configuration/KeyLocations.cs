using System.Text.RegularExpressions;

namespace PaperDigest.Configuration;

/// <summary>
/// Where each key was set ("paperdigest.yml:3", "environment variable OPENAI_BASE_URL"), so that a problem found later,
/// by an options class's Validate(), names it: any problem that starts with the key path gets the location in front.
/// </summary>
internal sealed partial class KeyLocations
{
    private readonly Dictionary<string, string> _where = new(StringComparer.Ordinal);

    /// <summary>Records (or, for a later source such as the environment, replaces) where <paramref name="keyPath"/> was set.</summary>
    public void Set(string keyPath, string where) => _where[Normalize(keyPath)] = where;

    /// <summary>"llm.max_output_tokens must …" becomes "paperdigest.yml:3: llm.max_output_tokens must …" when the key was set there.</summary>
    public string Locate(string problem)
    {
        var key = LeadingKey().Match(problem);
        if (!key.Success) return problem;
        var segments = Normalize(key.Value).Split('.');
        // The key itself, else the nearest enclosing key that was set as a whole (a list of topics for a topic's problem).
        for (var n = segments.Length; n > 0; n--)
            if (_where.TryGetValue(string.Join('.', segments[..n]), out var where)) return $"{where}: {problem}";
        return problem;
    }

    /// <summary>Keys match as the reader binds them: case-, underscore- and dash-insensitively, list positions dropped.</summary>
    internal static string Normalize(string path) =>
        ListPosition().Replace(path, "").Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-]*(\[\d*\])?(\.[A-Za-z][A-Za-z0-9_\-]*(\[\d*\])?)*")]
    private static partial Regex LeadingKey();

    [GeneratedRegex(@"\[\d*\]")]
    private static partial Regex ListPosition();
}
