using System.Globalization;
using System.Text;

namespace PaperDigest.Papers;

/// <summary>
/// The one place that makes untrusted text (paper titles and abstracts, model output) safe inside the Markdown
/// PaperDigest writes, for cmark-gfm (GitHub), kramdown under Jekyll's Liquid (GitHub Pages) and pandoc alike:
/// one line, no raw HTML, no live links, no Liquid tags, and emphasis that either closes where the model meant it or is gone.
/// </summary>
internal static class MarkdownText
{
    /// <summary>
    /// Liquid (Jekyll, GitHub Pages) evaluates <c>{{</c> and <c>{%</c> before Markdown is read; the '{' that opens
    /// either is written as the entity <c>&amp;#123;</c>, which every renderer shows as '{' and Liquid leaves alone.
    /// </summary>
    public static string NeutraliseLiquid(string text)
    {
        if (!text.Contains("{{", StringComparison.Ordinal) && !text.Contains("{%", StringComparison.Ordinal)) return text;
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{' && i + 1 < text.Length && text[i + 1] is '{' or '%') sb.Append("&#123;");
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Plain text (a title, an abstract, a keyword) as literal inline Markdown: single-spaced, '&lt;' '&gt;' '&amp;' as
    /// entities, and every character that could start a link, emphasis, code or Liquid tag escaped.
    /// </summary>
    public static string Literal(string? text) => NeutraliseLiquid(EscapeInline(Whitespace.Collapse(text), "\\`*_[]"));

    /// <summary>
    /// Text for one cell of a GFM table (the tracker page): single-spaced, '&lt;' '&gt;' '&amp;' as entities, '|', '[' and ']'
    /// escaped (no HTML, no live link, javascript: included), and Liquid neutralised; '*', '_' and '`' are left as the
    /// reference page has them (abstracts use them for math).
    /// </summary>
    public static string TableCell(string? text) => NeutraliseLiquid(EscapeInline(Whitespace.Collapse(text), "[]").Replace("|", "\\|", StringComparison.Ordinal));

    /// <summary>
    /// Model-written text for one line of a digest: single-spaced, HTML and links escaped, a leading block marker
    /// escaped, and <c>**…**</c> kept only where CommonMark closes it (else the markers are dropped); every other
    /// '*', '_' and '`' is escaped, so bold cannot run across the labels the renderer adds.
    /// </summary>
    public static string ModelLine(string? text)
    {
        var line = Whitespace.Collapse(text);
        var parts = line.Split("**");
        var sb = new StringBuilder(line.Length + 16);
        var i = 0;
        while (i < parts.Length)
        {
            // parts[i] is outside emphasis; parts[i+1] (when parts[i+2] exists) is a candidate bold span
            sb.Append(Escape(parts[i]));
            if (i + 2 < parts.Length)
            {
                var inner = parts[i + 1];
                var before = LastChar(sb);
                var after = parts[i + 2].Length > 0 ? parts[i + 2][0] : (char?)null;
                var escapedInner = Escape(inner);
                if (inner.Trim().Length > 0 && CanOpen(before, inner[0]) && CanClose(inner[^1], after))
                    sb.Append("**").Append(escapedInner).Append("**");
                else sb.Append(escapedInner);
                i += 2;
            }
            else
            {
                if (i + 1 < parts.Length) sb.Append(Escape(parts[i + 1])); // an unpaired "**": dropped
                break;
            }
        }
        return EscapeLeadingBlockMarker(NeutraliseLiquid(sb.ToString()));
    }

    /// <summary>A keyword the renderer itself wraps in bold: the model's own emphasis dropped, everything else literal.</summary>
    public static string KeywordItem(string? text) =>
        Literal(Whitespace.Collapse(text).Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal));

    /// <summary>Removes the model's Markdown emphasis markers for renderers that show plain text (the Atom feeds).</summary>
    public static string StripEmphasis(string text) => text.Replace("**", "", StringComparison.Ordinal);

    private static string Escape(string text) => EscapeInline(text, "\\`*_[]");

    private static string EscapeInline(string text, string escaped)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default:
                    if (escaped.Contains(c, StringComparison.Ordinal)) sb.Append('\\');
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// A line that would start a heading, list item, code fence or setext underline when it begins a Markdown line
    /// (a report item is its own line) gets its marker escaped; "60.6%" or "-based" are left as they are.
    /// </summary>
    private static string EscapeLeadingBlockMarker(string line)
    {
        if (line.Length == 0) return line;
        bool SpaceOrEnd(int at) => at >= line.Length || line[at] == ' ';
        var hashes = 0;
        while (hashes < line.Length && line[hashes] == '#') hashes++;
        if (hashes > 0 && SpaceOrEnd(hashes)) return "\\" + line;
        if (line[0] is '+' or '-' && SpaceOrEnd(1)) return "\\" + line;
        if (line.StartsWith("~~~", StringComparison.Ordinal) || line.Trim().All(c => c is '=' or '-')) return "\\" + line;
        var digits = 0;
        while (digits < line.Length && digits < 9 && char.IsAsciiDigit(line[digits])) digits++;
        if (digits > 0 && digits < line.Length && line[digits] is '.' or ')' && SpaceOrEnd(digits + 1)) return line[..digits] + "\\" + line[digits..];
        return line;
    }

    private static char? LastChar(StringBuilder sb) => sb.Length > 0 ? sb[^1] : null;

    // CommonMark's flanking rules for "**": a left-flanking run is not followed by whitespace, and not followed by
    // punctuation unless preceded by whitespace or punctuation (the right-flanking rule mirrors it).
    private static bool CanOpen(char? before, char first) =>
        !char.IsWhiteSpace(first) && (!IsPunctuation(first) || before is null || char.IsWhiteSpace(before.Value) || IsPunctuation(before.Value));

    private static bool CanClose(char last, char? after) =>
        !char.IsWhiteSpace(last) && (!IsPunctuation(last) || after is null || char.IsWhiteSpace(after.Value) || IsPunctuation(after.Value));

    private static bool IsPunctuation(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
        or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
        or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;
}
