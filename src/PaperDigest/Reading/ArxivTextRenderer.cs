using System.Text;

namespace PaperDigest.Reading;

/// <summary>
/// Renders an <see cref="ArxivDocument"/> as plain text for an LLM: <c># Title</c>, an author line, the abstract,
/// then every section as <c>## 3.2 Training</c> followed by its blocks (tables as <c>| cell |</c> rows), blank lines between.
/// The text is the concatenation of <see cref="Header"/>, <see cref="Heading"/> and <see cref="Block"/> pieces, which lets
/// <see cref="ContextBudget"/> add up their sizes.
/// </summary>
internal static class ArxivTextRenderer
{
    public static string Render(ArxivDocument document)
    {
        var text = new StringBuilder(Header(document));
        foreach (var section in document.Sections) AppendSection(section, text);
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>Title, authors and abstract.</summary>
    public static string Header(ArxivDocument document)
    {
        var text = new StringBuilder();
        if (document.Title.Length > 0) text.Append("# ").Append(document.Title).Append("\n\n");
        if (document.Authors.Count > 0)
        {
            text.Append("Authors: ");
            text.AppendJoin("; ", document.Authors.Select(a => a.Affiliations.Count == 0 ? a.Name : $"{a.Name} ({string.Join("; ", a.Affiliations)})"));
            text.Append("\n\n");
        }
        if (document.Abstract.Length > 0) text.Append("## Abstract\n\n").Append(document.Abstract).Append("\n\n");
        return text.ToString();
    }

    /// <summary>The heading line of a section ("## 3.2 Training"), or nothing for the unnamed section of loose text.</summary>
    public static string Heading(ArxivSection section) =>
        section.Number.Length == 0 && section.Heading.Length == 0 ? "" : $"## {section.NumberedHeading}\n\n";

    public static string Block(ArxivBlock block) => block.Text + "\n\n";

    private static void AppendSection(ArxivSection section, StringBuilder text)
    {
        text.Append(Heading(section));
        foreach (var block in section.Blocks) text.Append(Block(block));
        foreach (var child in section.Subsections) AppendSection(child, text);
    }
}
