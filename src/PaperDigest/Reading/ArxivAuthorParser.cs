using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PaperDigest.Papers;

namespace PaperDigest.Reading;

/// <summary>
/// Reads <c>ltx_authors</c>: names from <c>ltx_personname</c> (split at commas and "and"), affiliations from
/// <c>ltx_contact ltx_role_affiliation</c>, from numbered lines ("<sup>1</sup>Truthful AI") matched to the names'
/// superscripts, or else from the author notes' sentences that name the author.
/// </summary>
internal static partial class ArxivAuthorParser
{
    [GeneratedRegex(@"\s*(?:,|;|&|\band\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"\s*\((?:e-?mail|email)[^)]*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmailNote();

    private enum TokenKind { Text, Mark, Break }

    private readonly record struct Token(TokenKind Kind, string Text);

    private sealed record Name(string Text, List<string> Marks, List<string> Contacts, string Notes);

    public static IReadOnlyList<Author> Parse(IElement authors, LatexmlTextWriter writer)
    {
        var names = new List<Name>();
        var marked = new Dictionary<string, string>(StringComparer.Ordinal);
        var unmarked = new List<string>();
        foreach (var creator in authors.QuerySelectorAll(".ltx_creator"))
        {
            var contacts = new List<string>();
            foreach (var contact in creator.QuerySelectorAll(".ltx_contact"))
            {
                var cls = contact.ClassName;
                if (LatexmlClass.Has(cls, "ltx_role_affiliation") || LatexmlClass.Has(cls, "ltx_role_address"))
                {
                    var text = writer.Inline(contact);
                    if (text.Length > 0) contacts.Add(text);
                }
            }
            var notes = string.Join(" ", creator.QuerySelectorAll(".ltx_author_notes").Select(n => Whitespace.Collapse(n.TextContent)));
            var person = creator.QuerySelector(".ltx_personname");
            if (person is null) continue;
            var isAffiliation = LatexmlClass.Has(creator.ClassName, "ltx_role_affiliation");
            foreach (var line in Lines(person))
            {
                if (isAffiliation || (line[0].Kind == TokenKind.Mark && line.Count > 1)) ReadAffiliationLine(line, marked, unmarked);
                else ReadNameLine(line, names, contacts, notes);
            }
        }
        return names.Select(n => new Author(n.Text, Affiliations(n, marked, unmarked))).ToList();
    }

    private static List<string> Affiliations(Name name, Dictionary<string, string> marked, List<string> unmarked)
    {
        var found = new List<string>();
        foreach (var mark in name.Marks)
        {
            foreach (var key in mark.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (marked.TryGetValue(key, out var affiliation) && !found.Contains(affiliation)) found.Add(affiliation);
            }
        }
        if (found.Count == 0) found.AddRange(name.Contacts);
        if (found.Count == 0) found.AddRange(unmarked);
        if (found.Count == 0 && name.Notes.Length > 0)
        {
            var surname = name.Text.Split(' ')[^1];
            found.AddRange(TextSplitter.Sentences(name.Notes)
                .Where(s => s.Contains(surname, StringComparison.Ordinal))
                .Select(s => EmailNote().Replace(s, "").Trim()));
        }
        return found;
    }

    private static void ReadAffiliationLine(List<Token> line, Dictionary<string, string> marked, List<string> unmarked)
    {
        string? mark = null;
        var text = new StringBuilder();
        void Flush()
        {
            var value = Whitespace.Collapse(text.ToString());
            if (value.Length > 0)
            {
                if (mark is null) unmarked.Add(value);
                else marked.TryAdd(mark, value);
            }
            text.Clear();
        }
        foreach (var token in line)
        {
            if (token.Kind == TokenKind.Mark)
            {
                Flush();
                mark = token.Text;
            }
            else text.Append(token.Text);
        }
        Flush();
    }

    private static void ReadNameLine(List<Token> line, List<Name> names, List<string> contacts, string notes)
    {
        var text = new StringBuilder();
        Name? last = null;
        void Flush()
        {
            foreach (var part in NameSeparator().Split(text.ToString()))
            {
                var name = Whitespace.Collapse(part);
                if (name.Length is 0 or > 80 || name.Contains('@')) continue;
                last = new Name(name, [], contacts, notes);
                names.Add(last);
            }
            text.Clear();
        }
        foreach (var token in line)
        {
            if (token.Kind == TokenKind.Mark)
            {
                Flush();
                last?.Marks.Add(token.Text);
            }
            else text.Append(token.Text);
        }
        Flush();
    }

    private static List<List<Token>> Lines(IElement person)
    {
        var tokens = new List<Token>();
        Tokenize(person, tokens);
        var lines = new List<List<Token>>();
        var current = new List<Token>();
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Break)
            {
                if (current.Count > 0) lines.Add(current);
                current = [];
            }
            else if (token.Kind == TokenKind.Mark || !string.IsNullOrWhiteSpace(token.Text) || current.Count > 0) current.Add(token);
        }
        if (current.Count > 0) lines.Add(current);
        return lines;
    }

    private static void Tokenize(INode node, List<Token> tokens)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text) tokens.Add(new Token(TokenKind.Text, text.Data));
            else if (child is IElement element)
            {
                if (element.LocalName == "br") tokens.Add(new Token(TokenKind.Break, ""));
                else if (element.LocalName == "sup") tokens.Add(new Token(TokenKind.Mark, Whitespace.Collapse(element.TextContent)));
                else if (!LatexmlClass.Has(element.ClassName, "ltx_note") && !LatexmlClass.Has(element.ClassName, "ltx_contact")) Tokenize(element, tokens);
            }
        }
    }
}
