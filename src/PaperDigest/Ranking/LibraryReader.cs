using System.Globalization;
using System.Text.RegularExpressions;
using PaperDigest.Papers;

namespace PaperDigest.Ranking;

/// <summary>Reads profile.library by its extension: .bib BibTeX, .json CSL-JSON, .csv Zotero CSV.</summary>
internal static partial class LibraryReader
{
    [GeneratedRegex(@"\barXiv\s*[:.]?\s*(?:abs/)?([0-9]{4}\.[0-9]{4,5}(?:v[0-9]+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArxivMention();

    public static IReadOnlyList<LibraryPaper> Read(string path)
    {
        if (!File.Exists(path)) throw new LibraryFormatException($"profile.library: the file '{path}' does not exist.");
        var text = File.ReadAllText(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => CslJsonParser.Parse(text, path),
            ".csv" => ZoteroCsvParser.Parse(text, path),
            _ => BibtexParser.Parse(text, path),
        };
    }

    internal static DateOnly? ParseDay(string? text) =>
        !string.IsNullOrWhiteSpace(text) && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : null;

    /// <summary>
    /// The entry's arXiv id, from the first field that names one: an arxiv.org URL, a bare id in an eprint field, or
    /// "arXiv:2405.12345" in a note, journal or Zotero's Extra; null when none does.
    /// </summary>
    internal static ArxivId? ArxivIdOf(params string?[] fields)
    {
        foreach (var field in fields)
        {
            if (string.IsNullOrWhiteSpace(field)) continue;
            var text = field.Trim();
            if (text.Contains("arxiv.org/", StringComparison.OrdinalIgnoreCase) && ArxivId.TryParse(text, out var fromUrl)) return fromUrl;
            if (ArxivMention().Match(text) is { Success: true } m && ArxivId.TryParse(m.Groups[1].Value, out var mentioned)) return mentioned;
            if (ArxivId.TryParse(text, out var bare)) return bare;
        }
        return null;
    }
}
