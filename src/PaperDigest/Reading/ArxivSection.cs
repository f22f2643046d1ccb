namespace PaperDigest.Reading;

/// <summary>
/// One section, subsection or paragraph-level heading: its number as printed ("3.2", "IV", "Appendix A"),
/// its heading, its depth (1 = section), what it is for (so a budget can drop it), its own blocks and its subsections.
/// </summary>
internal sealed record ArxivSection(
    string Number,
    string Heading,
    int Level,
    SectionKind Kind,
    IReadOnlyList<ArxivBlock> Blocks,
    IReadOnlyList<ArxivSection> Subsections)
{
    /// <summary>"3.2 Training", or just the heading when the section is unnumbered.</summary>
    public string NumberedHeading => Number.Length == 0 ? Heading : $"{Number} {Heading}";
}
