using System.Collections.Concurrent;
using PaperDigest.Papers;
using PaperDigest.Reading;

namespace PaperDigest.Summaries;

/// <summary>
/// The read stage: a paper's full text (HTML, else PDF, else the abstract), read once per run and shared by every style
/// of the paper, and kept compressed in the store, so a rerun downloads nothing. What was used, and why earlier sources
/// were skipped, is stored with it. Only a definitive outcome is stored (the text, a 404, arXiv's "No HTML" page): a
/// fallback after a passing failure (a 503, a timeout) is used once, marked provisional, and read again by the next run.
/// </summary>
internal sealed class PaperTextSource(FullTextReader reader, FullTextStore store, ISummaryWriter writer, ReadingOptions reading, SummaryReading read)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SummaryInput>>> _reads = new(StringComparer.Ordinal);

    /// <summary>
    /// The one place that decides which text a style is written from: the full text when an LLM writes it and either
    /// digest.read is full or the style needs it (the report); otherwise (and always offline) the title and abstract,
    /// fitted to the same token budget.
    /// </summary>
    public bool ReadsFullText(SummaryStyle style) => !writer.IsOffline && (style.NeedsFullText || read.FullText);

    public Task<SummaryInput> ReadForAsync(Paper paper, SummaryStyle style, CancellationToken cancellationToken) =>
        ReadsFullText(style) ? ReadAsync(paper, cancellationToken) : Task.FromResult(Abstract(paper, reading.TokenBudget));

    /// <summary>The input of the abstract-based styles, within <paramref name="tokenBudget"/> (0: whole).</summary>
    public static SummaryInput Abstract(Paper paper, int tokenBudget = ContextBudget.DefaultTokens) =>
        new(paper, "Abs", tokenBudget > 0 && paper.Abstract.Length > 0 ? ContextBudget.FitText(paper.Abstract, tokenBudget) : paper.Abstract);

    /// <summary>The paper's full text: one read per paper and run, however many styles ask for it at once.</summary>
    public Task<SummaryInput> ReadAsync(Paper paper, CancellationToken cancellationToken)
    {
        var key = paper.Id.Versioned;
        var read = _reads.GetOrAdd(key, _ => new Lazy<Task<SummaryInput>>(() => ReadOnceAsync(paper, cancellationToken)));
        // A read that failed (cancelled, the store broke) is not kept: the next caller tries again.
        return read.Value.ContinueWith(t =>
        {
            if (!t.IsCompletedSuccessfully) _reads.TryRemove(new KeyValuePair<string, Lazy<Task<SummaryInput>>>(key, read));
            return t;
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap();
    }

    private async Task<SummaryInput> ReadOnceAsync(Paper paper, CancellationToken cancellationToken)
    {
        var version = paper.Id.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        if (await store.FindAsync(paper.Id.Id, version, cancellationToken) is { } stored)
            return new SummaryInput(paper, stored.Source, stored.Text);
        var read = await reader.ReadAsync(paper.Id, paper.Abstract, cancellationToken);
        var text = new StoredFullText(Label(read.Source), read.Text, read.Attempts);
        if (!read.Transient) await store.SaveAsync(paper.Id.Id, version, text, cancellationToken);
        return new SummaryInput(paper, text.Source, text.Text, read.Transient);
    }

    /// <summary>PRODUCT.md's names for what a summary was written from.</summary>
    public static string Label(TextSource source) => source switch
    {
        TextSource.Html => "HTML",
        TextSource.Pdf => "PDF",
        _ => "Abs",
    };
}
