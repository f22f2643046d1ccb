namespace PaperDigest.Summaries;

internal enum FieldKind { Text, List }

/// <summary>One field of a structured summary: its JSON name, its kind, what the model is told it holds, and its headings.</summary>
internal sealed record SummaryField(string Name, FieldKind Kind, string Description, string HeadingZh, string HeadingEn, bool IsProse = true)
{
    public string Heading(string lang) => lang == "en" ? HeadingEn : HeadingZh;
}
