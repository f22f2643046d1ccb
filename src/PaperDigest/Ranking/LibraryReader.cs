using System.Globalization;

namespace PaperDigest.Ranking;

/// <summary>Reads profile.library by its extension: .bib BibTeX, .json CSL-JSON, .csv Zotero CSV.</summary>
internal static class LibraryReader
{
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
}
