using PaperDigest.Papers;
using PaperDigest.Summaries;

namespace PaperDigest.Web;

/// <summary>A paper as the reader shows it: its newest summary per (style, language), the days that listed it, its topics.</summary>
internal sealed record ReaderPaper(Paper Paper, IReadOnlyList<StoredSummary> Summaries, IReadOnlyList<DateOnly> Listed, IReadOnlyList<string> Topics)
{
    /// <summary>The tracker's stored translation of the abstract, when there is one (set by ReaderPageService).</summary>
    public StoredTranslation? Translation { get; init; }

    /// <summary>The summary a list shows: brief first, then keywords, then any other ok one.</summary>
    public StoredSummary? Preferred =>
        Summaries.Where(s => s.IsOk).OrderBy(s => s.Key.Style switch { "brief" => 0, "keywords" => 1, "report" => 2, _ => 3 }).FirstOrDefault()
        ?? Summaries.FirstOrDefault();
}
