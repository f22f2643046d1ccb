using PaperDigest.Papers;
using PaperDigest.Reading;

namespace PaperDigest.Summaries;

/// <summary>
/// The read stage: a paper's full text (HTML, else PDF, else the abstract), read once and kept compressed in the store,
/// so a rerun downloads nothing. What was used, and why earlier sources were skipped, is stored with it.
/// </summary>
internal sealed class PaperTextSource(FullTextReader reader, FullTextStore store, ISummaryWriter writer)
{
    /// <summary>
    /// The one place that decides which text a style is written from: the full text for the styles that need it when an
    /// LLM writes them; otherwise (and always offline) the title and abstract, which is also what the numbers are checked against.
    /// </summary>
    public Task<SummaryInput> ReadForAsync(Paper paper, SummaryStyle style, CancellationToken cancellationToken) =>
        style.NeedsFullText && !writer.IsOffline ? ReadAsync(paper, cancellationToken) : Task.FromResult(Abstract(paper));

    /// <summary>The input of the abstract-based styles.</summary>
    public static SummaryInput Abstract(Paper paper) => new(paper, "Abs", paper.Abstract);

    public async Task<SummaryInput> ReadAsync(Paper paper, CancellationToken cancellationToken)
    {
        var version = paper.Id.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        if (await store.FindAsync(paper.Id.Id, version, cancellationToken) is not { } stored)
        {
            var read = await reader.ReadAsync(paper.Id, paper.Abstract, cancellationToken);
            stored = new StoredFullText(Label(read.Source), read.Text, read.Attempts);
            await store.SaveAsync(paper.Id.Id, version, stored, cancellationToken);
        }
        return new SummaryInput(paper, stored.Source, stored.Text);
    }

    /// <summary>PRODUCT.md's names for what a summary was written from.</summary>
    public static string Label(TextSource source) => source switch
    {
        TextSource.Html => "HTML",
        TextSource.Pdf => "PDF",
        _ => "Abs",
    };
}
