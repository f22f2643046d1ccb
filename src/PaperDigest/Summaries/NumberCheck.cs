namespace PaperDigest.Summaries;

// Placeholder until the Reading branch lands its NumberCheck.
internal static class NumberCheck
{
    public static IReadOnlyList<string> FindUnsupported(string summaryText, string sourceText) => [];
    public static string Mark(string text, IReadOnlyCollection<string> unsupported) => text;
}
