namespace PaperDigest.Reading;

/// <summary>What a block of a section is.</summary>
internal enum BlockKind
{
    Paragraph,
    ListItem,
    Table,
    Figure,
    Equation,
    Code,
    Proof,
}
