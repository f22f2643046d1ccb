using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace PaperDigest.Papers;

/// <summary>An arXiv identifier: new style (2509.15221) or old style (astro-ph/0601001), with its version when known.</summary>
internal sealed partial record ArxivId(string Id, int? Version)
{
    [GeneratedRegex(@"^(?:arxiv:)?(?<id>[0-9]{4}\.[0-9]{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/[0-9]{7})(?:v(?<v>[0-9]{1,9}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, [NotNullWhen(true)] out ArxivId? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        // Accept URLs such as https://arxiv.org/abs/2509.15221v2 or http://arxiv.org/pdf/2509.15221.
        foreach (var marker in new[] { "/abs/", "/pdf/", "/html/", "/papers/" })
        {
            var at = s.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0) { s = s[(at + marker.Length)..]; break; }
        }
        if (s.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) s = s[..^4];
        s = s.TrimEnd('/');
        var m = Pattern().Match(s);
        if (!m.Success) return false;
        // ASCII digits only, and at most nine of them in a version: no overflow, no Arabic-Indic or full-width digits.
        int? version = m.Groups["v"].Success ? int.Parse(m.Groups["v"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : null;
        id = new ArxivId(m.Groups["id"].Value, version);
        return true;
    }

    public static ArxivId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an arXiv id (expected e.g. 2509.15221 or 2509.15221v2).");

    /// <summary>The id with its version, e.g. 2509.15221v2, or the bare id when the version is unknown.</summary>
    public string Versioned => Version is { } v ? $"{Id}v{v}" : Id;

    public override string ToString() => Versioned;
}
