using System.Text;

namespace PaperDigest.Ranking;

/// <summary>Reads Zotero's CSV export (header row with "Title", "Abstract Note", "Author", "Date Added"; RFC 4180 quoting, multi-line fields).</summary>
internal static class ZoteroCsvParser
{
    public static IReadOnlyList<LibraryPaper> Parse(string text, string file)
    {
        var rows = Rows(text.TrimStart('\uFEFF'), file).ToList();
        if (rows.Count == 0) return [];
        var header = rows[0].Fields.Select(h => h.Trim()).ToList();
        var title = header.FindIndex(h => h.Equals("Title", StringComparison.OrdinalIgnoreCase));
        if (title < 0) throw new LibraryFormatException($"{file}:1: a Zotero CSV export needs a 'Title' column (found: {string.Join(", ", header)}).");
        var abs = header.FindIndex(h => h.Equals("Abstract Note", StringComparison.OrdinalIgnoreCase) || h.Equals("Abstract", StringComparison.OrdinalIgnoreCase));
        var author = header.FindIndex(h => h.Equals("Author", StringComparison.OrdinalIgnoreCase));
        var added = header.FindIndex(h => h.Equals("Date Added", StringComparison.OrdinalIgnoreCase));
        var idFields = new[] { "Url", "DOI", "Extra", "Publication Title" }.Select(n => header.FindIndex(h => h.Equals(n, StringComparison.OrdinalIgnoreCase))).ToArray();
        var papers = new List<LibraryPaper>();
        foreach (var (fields, _) in rows.Skip(1))
        {
            string At(int i) => i >= 0 && i < fields.Count ? fields[i] : "";
            var t = BibtexParser.Clean(At(title));
            if (t.Length == 0) continue;
            var authors = At(author).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a.Split(',', 2, StringSplitOptions.TrimEntries) is [var last, var first] ? $"{first} {last}" : a).ToList();
            papers.Add(new LibraryPaper(t, BibtexParser.Clean(At(abs)), authors, LibraryReader.ParseDay(At(added)), LibraryReader.ArxivIdOf([.. idFields.Select(At)])));
        }
        return papers;
    }

    private static IEnumerable<(List<string> Fields, int Line)> Rows(string text, string file)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else { if (c == '\n') line++; field.Append(c); }
                }
                else if (c == '"' && field.Length == 0) quoted = true;
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else if (c == '\n') { line++; i++; break; }
                else if (c != '\r') field.Append(c);
            }
            if (quoted) throw new LibraryFormatException($"{file}:{start}: a quoted field starting on this row is never closed.");
            fields.Add(field.ToString());
            if (fields.Count > 1 || fields[0].Length > 0) yield return (fields, start);
        }
    }
}
