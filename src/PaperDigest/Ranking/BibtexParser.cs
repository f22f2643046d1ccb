using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperDigest.Ranking;

/// <summary>
/// Reads a BibTeX library as the reader's tools write it: braced or quoted values, <c>@string</c> macros and <c>#</c>
/// concatenation, nested braces, LaTeX accents (<c>{\"o}</c>, <c>\'e</c>, <c>{\ss}</c>), <c>@comment</c>/<c>@preamble</c>,
/// entries without an abstract. An entry without a title is skipped; broken syntax is an error naming the line.
/// </summary>
internal static partial class BibtexParser
{
    private static readonly Dictionary<string, string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = "January", ["feb"] = "February", ["mar"] = "March", ["apr"] = "April", ["may"] = "May", ["jun"] = "June",
        ["jul"] = "July", ["aug"] = "August", ["sep"] = "September", ["oct"] = "October", ["nov"] = "November", ["dec"] = "December",
    };

    /// <summary>Accent command → pairs of (letter, composed letter). Composed by table: the app runs with invariant globalization, without Unicode normalisation.</summary>
    private static readonly Dictionary<char, string> Accents = new()
    {
        ['\''] = "aáeéiíoóuúyýAÁEÉIÍOÓUÚYÝcćCĆnńNŃsśSŚzźZŹlĺLĹrŕRŔgǵ",
        ['`'] = "aàeèiìoòuùAÀEÈIÌOÒUÙ",
        ['^'] = "aâeêiîoôuûAÂEÊIÎOÔUÛ",
        ['"'] = "aäeëiïoöuüyÿAÄEËIÏOÖUÜ",
        ['~'] = "aãnñoõAÃNÑOÕ",
        ['c'] = "cçCÇsşSŞ",
        ['v'] = "cčCČsšSŠzžZŽrřRŘeěEĚnňNŇdďDĎtťTŤ",
        ['r'] = "aåAÅuůUŮ",
        ['='] = "aāeēiīoōuūAĀEĒIĪOŌUŪ",
        ['u'] = "aăAĂgğGĞ",
        ['.'] = "zżZŻeėEĖ",
        ['H'] = "oőOŐuűUŰ",
        ['k'] = "aąAĄeęEĘ",
    };

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["o"] = "ø", ["O"] = "Ø", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ", ["aa"] = "å", ["AA"] = "Å",
        ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ",
    };

    [GeneratedRegex(@"\\([""'`^~=.])\s*\{?\s*(\\?[A-Za-z])\s*\}?|\\([uvHckr])\s*\{\s*(\\?[A-Za-z])\s*\}|\\([uvHckr])\s+([A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Accent();

    [GeneratedRegex(@"\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Symbol();

    [GeneratedRegex(@"\\[A-Za-z]+\*?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Command();

    [GeneratedRegex(@"\s+\band\b\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AuthorSeparator();

    public static IReadOnlyList<LibraryPaper> Parse(string text, string file)
    {
        var reader = new Cursor(text, file);
        var macros = new Dictionary<string, string>(Months, StringComparer.OrdinalIgnoreCase);
        var papers = new List<LibraryPaper>();
        while (reader.SkipTo('@'))
        {
            var line = reader.Line;
            reader.Advance();
            var type = reader.Name().ToLowerInvariant();
            reader.SkipSpace();
            if (type == "comment" && !reader.At('{') && !reader.At('(')) continue; // "@comment text" to the end of the line
            if (!reader.At('{') && !reader.At('('))
                throw new LibraryFormatException($"{file}:{line}: '@{type}' must be followed by '{{' or '('.");
            var close = reader.At('{') ? '}' : ')';
            if (type is "comment" or "preamble") { reader.SkipBalanced(); continue; }
            reader.Advance();
            if (type == "string")
            {
                foreach (var (name, value) in Fields(reader, macros, close, line))
                    macros[name] = value;
                continue;
            }
            reader.SkipSpace();
            var key = reader.Until(',', close);
            if (reader.At(',')) reader.Advance();
            var fields = Fields(reader, macros, close, line).ToDictionary(f => f.Name, f => f.Value, StringComparer.OrdinalIgnoreCase);
            _ = key;
            var title = Clean(fields.GetValueOrDefault("title"));
            if (title.Length == 0) continue;
            var authors = AuthorSeparator().Split(fields.GetValueOrDefault("author") ?? "")
                .Select(a => Clean(a)).Where(a => a.Length > 0).Select(FirstLast).ToList();
            var id = LibraryReader.ArxivIdOf(fields.GetValueOrDefault("eprint"), fields.GetValueOrDefault("arxivid"), fields.GetValueOrDefault("url"),
                fields.GetValueOrDefault("doi"), fields.GetValueOrDefault("journal"), fields.GetValueOrDefault("note"));
            papers.Add(new LibraryPaper(title, Clean(fields.GetValueOrDefault("abstract")), authors, Added(fields), id));
        }
        return papers;
    }

    private static IEnumerable<(string Name, string Value)> Fields(Cursor reader, Dictionary<string, string> macros, char close, int entryLine)
    {
        var result = new List<(string, string)>();
        while (true)
        {
            reader.SkipSpace();
            if (reader.End) throw new LibraryFormatException($"{reader.File}:{entryLine}: the entry starting here is not closed (a missing '{close}'?).");
            if (reader.At(close)) { reader.Advance(); return result; }
            if (reader.At(',')) { reader.Advance(); continue; }
            var fieldLine = reader.Line;
            var name = reader.Name();
            if (name.Length == 0) throw new LibraryFormatException($"{reader.File}:{fieldLine}: expected a field name, found '{reader.Current}'.");
            reader.SkipSpace();
            if (!reader.At('=')) throw new LibraryFormatException($"{reader.File}:{fieldLine}: field '{name}' needs '=' and a value.");
            reader.Advance();
            var value = new StringBuilder();
            while (true)
            {
                reader.SkipSpace();
                if (reader.At('{')) value.Append(reader.Braced());
                else if (reader.At('"')) value.Append(reader.Quoted());
                else
                {
                    var word = reader.Name();
                    if (word.Length == 0) throw new LibraryFormatException($"{reader.File}:{fieldLine}: field '{name}' has no value.");
                    value.Append(macros.TryGetValue(word, out var m) ? m : word);
                }
                reader.SkipSpace();
                if (!reader.At('#')) break;
                reader.Advance();
            }
            result.Add((name.ToLowerInvariant(), value.ToString()));
        }
    }

    /// <summary>LaTeX to plain text: accents composed, symbols spelt, commands and braces dropped, whitespace collapsed.</summary>
    internal static string Clean(string? latex)
    {
        if (string.IsNullOrEmpty(latex)) return "";
        var s = Accent().Replace(latex, m =>
        {
            var mark = m.Groups[1].Success ? m.Groups[1].Value[0] : m.Groups[3].Success ? m.Groups[3].Value[0] : m.Groups[5].Value[0];
            var letter = (m.Groups[2].Success ? m.Groups[2].Value : m.Groups[4].Success ? m.Groups[4].Value : m.Groups[6].Value).TrimStart('\\');
            var pairs = Accents[mark];
            for (var i = 0; i + 1 < pairs.Length; i += 2)
                if (pairs[i] == letter[0]) return pairs[i + 1].ToString();
            return letter;
        });
        s = Symbol().Replace(s, m => Symbols[m.Groups[1].Value]);
        s = s.Replace("\\&", "&", StringComparison.Ordinal).Replace("\\%", "%", StringComparison.Ordinal).Replace("\\_", "_", StringComparison.Ordinal)
            .Replace("\\$", "$", StringComparison.Ordinal).Replace("\\#", "#", StringComparison.Ordinal).Replace("--", "–", StringComparison.Ordinal)
            .Replace('~', ' ');
        s = Command().Replace(s, "");
        s = s.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
        return string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>"Levine, Sergey" → "Sergey Levine".</summary>
    private static string FirstLast(string name)
    {
        var parts = name.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? $"{parts[^1]} {parts[0]}" : name;
    }

    private static DateOnly? Added(Dictionary<string, string> fields)
    {
        foreach (var name in new[] { "date-added", "dateadded", "timestamp", "added-at", "urldate" })
            if (fields.TryGetValue(name, out var v) && DateTimeOffset.TryParse(Clean(v), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                return DateOnly.FromDateTime(at.UtcDateTime);
        return null;
    }

    /// <summary>A position in the text that knows its line.</summary>
    private sealed class Cursor(string text, string file)
    {
        private int _pos;

        public string File => file;
        public int Line { get; private set; } = 1;
        public bool End => _pos >= text.Length;
        public char Current => End ? '\0' : text[_pos];
        public bool At(char c) => !End && text[_pos] == c;

        public void Advance()
        {
            if (End) return;
            if (text[_pos] == '\n') Line++;
            _pos++;
        }

        public bool SkipTo(char c)
        {
            while (!End && text[_pos] != c) Advance();
            return !End;
        }

        public void SkipSpace()
        {
            while (!End && char.IsWhiteSpace(text[_pos])) Advance();
        }

        public string Name()
        {
            var start = _pos;
            while (!End && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '_' or '-' or ':' or '.' or '+' or '/')) Advance();
            return text[start.._pos];
        }

        public string Until(char a, char b)
        {
            var start = _pos;
            while (!End && text[_pos] != a && text[_pos] != b) Advance();
            return text[start.._pos].Trim();
        }

        public string Braced()
        {
            var line = Line;
            var depth = 0;
            var sb = new StringBuilder();
            do
            {
                if (End) throw new LibraryFormatException($"{file}:{line}: a '{{' here is never closed.");
                var c = text[_pos];
                if (c == '\\' && _pos + 1 < text.Length) { sb.Append(c).Append(text[_pos + 1]); Advance(); Advance(); continue; }
                if (c == '{') depth++;
                else if (c == '}') depth--;
                if (!(depth == 0 && c == '}') && !(depth == 1 && c == '{' && sb.Length == 0)) sb.Append(c);
                Advance();
            } while (depth > 0);
            return sb.ToString();
        }

        public string Quoted()
        {
            var line = Line;
            Advance();
            var depth = 0;
            var sb = new StringBuilder();
            while (true)
            {
                if (End) throw new LibraryFormatException($"{file}:{line}: a '\"' here is never closed.");
                var c = text[_pos];
                if (c == '"' && depth == 0) { Advance(); return sb.ToString(); }
                if (c == '{') depth++;
                else if (c == '}') depth--;
                sb.Append(c);
                Advance();
            }
        }

        public void SkipBalanced()
        {
            var open = Current;
            var close = open == '{' ? '}' : ')';
            var depth = 0;
            do
            {
                if (End) return;
                if (text[_pos] == open) depth++;
                else if (text[_pos] == close) depth--;
                Advance();
            } while (depth > 0);
        }
    }
}
