using System.Text;
using System.Text.RegularExpressions;

namespace PaperDigest.Reading;

/// <summary>
/// Fits a paper into a token budget (<see cref="TokenEstimator"/>). Title, abstract, introduction, method, experiments,
/// tables and conclusion stay longest. First whole sections go, in this order: references, acknowledgements, appendices,
/// statements (ethics, contributions), related work, proofs; then the longest low-priority sections lose paragraphs from
/// their end, then the longest of the others; tables go last and whole. Nothing is cut inside a table row or a sentence.
/// </summary>
internal static partial class ContextBudget
{
    public const int DefaultTokens = 24_000;

    private static readonly SectionKind[] DropOrder =
        [SectionKind.References, SectionKind.Acknowledgements, SectionKind.Appendix, SectionKind.Statement, SectionKind.RelatedWork, SectionKind.Proof];

    private static readonly SectionKind[] LowPriority =
        [SectionKind.Other, SectionKind.Background, SectionKind.Discussion, SectionKind.Limitations];

    [GeneratedRegex(@"^[ \t]*(?:[0-9IVX]+\.?[ \t]*)?(?:References|REFERENCES|Bibliography|BIBLIOGRAPHY|参考文献)[ \t]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ReferencesHeading();

    /// <summary>The document with whole sections and blocks removed until its rendering fits <paramref name="maxTokens"/>.</summary>
    public static ArxivDocument Fit(ArxivDocument document, int maxTokens = DefaultTokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTokens);
        document = FitHeader(document, maxTokens);
        var entries = new List<Entry>();
        foreach (var section in document.Sections) Flatten(section, entries);
        var total = TokenEstimator.Estimate(ArxivTextRenderer.Header(document)) + entries.Sum(e => e.Cost);
        if (total <= maxTokens) return document;

        foreach (var kind in DropOrder)
        {
            foreach (var entry in entries.Where(e => e.Section.Kind == kind && !e.Dropped).OrderByDescending(e => e.Cost).ToList())
            {
                if (total <= maxTokens) break;
                if (!entry.Dropped) total -= entry.Drop();
            }
        }
        total = TrimBlocks(entries.Where(e => !e.Dropped), total, maxTokens, b => b.Kind == BlockKind.Proof);
        total = TrimBlocks(entries.Where(e => !e.Dropped && LowPriority.Contains(e.Section.Kind)), total, maxTokens, b => b.Kind != BlockKind.Table);
        total = TrimBlocks(entries.Where(e => !e.Dropped), total, maxTokens, b => b.Kind != BlockKind.Table);
        TrimBlocks(entries.Where(e => !e.Dropped), total, maxTokens, _ => true);
        return document with { Sections = document.Sections.Select(s => Rebuild(s, entries)).OfType<ArxivSection>().ToList() };
    }

    /// <summary>Plain text (from a PDF or an abstract) cut at its references heading, then after the last whole paragraph or sentence that fits.</summary>
    public static string FitText(string text, int maxTokens = DefaultTokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTokens);
        if (TokenEstimator.Estimate(text) <= maxTokens) return text;
        var references = ReferencesHeading().Matches(text).LastOrDefault(m => m.Index > text.Length / 4);
        if (references is not null) text = text[..references.Index].TrimEnd();
        var kept = new StringBuilder();
        var used = 0;
        foreach (var paragraph in TextSplitter.Paragraphs(text))
        {
            var cost = TokenEstimator.Estimate(paragraph);
            if (used + cost <= maxTokens)
            {
                kept.Append(paragraph);
                used += cost;
                continue;
            }
            foreach (var sentence in TextSplitter.Sentences(paragraph))
            {
                cost = TokenEstimator.Estimate(sentence);
                if (used + cost > maxTokens) break;
                kept.Append(sentence);
                used += cost;
            }
            break;
        }
        return kept.ToString().TrimEnd();
    }

    private static ArxivDocument FitHeader(ArxivDocument document, int maxTokens)
    {
        if (TokenEstimator.Estimate(ArxivTextRenderer.Header(document)) <= maxTokens / 2) return document;
        document = document with { Authors = document.Authors.Take(20).Select(a => a with { Affiliations = [] }).ToList() };
        var withoutAbstract = TokenEstimator.Estimate(ArxivTextRenderer.Header(document with { Abstract = "" })) + 8;
        return document with { Abstract = FitText(document.Abstract, Math.Max(1, maxTokens / 2 - withoutAbstract)) };
    }

    private static int TrimBlocks(IEnumerable<Entry> candidates, int total, int maxTokens, Func<ArxivBlock, bool> removable)
    {
        var pool = candidates.ToList();
        while (total > maxTokens)
        {
            Entry? longest = null;
            foreach (var entry in pool)
            {
                if ((longest is null || entry.Cost > longest.Cost) && entry.Blocks.Any(removable)) longest = entry;
            }
            if (longest is null) return total;
            total -= longest.RemoveLast(removable);
        }
        return total;
    }

    private static void Flatten(ArxivSection section, List<Entry> entries)
    {
        var entry = new Entry(section);
        entries.Add(entry);
        foreach (var child in section.Subsections)
        {
            var first = entries.Count;
            Flatten(child, entries);
            entry.Children.Add(entries[first]);
        }
    }

    private static ArxivSection? Rebuild(ArxivSection section, List<Entry> entries)
    {
        var entry = entries.First(e => ReferenceEquals(e.Section, section));
        if (entry.Dropped) return null;
        var children = section.Subsections.Select(s => Rebuild(s, entries)).OfType<ArxivSection>().ToList();
        if (entry.Blocks.Count == 0 && children.Count == 0) return null;
        return section with { Blocks = entry.Blocks.ToList(), Subsections = children };
    }

    private sealed class Entry(ArxivSection section)
    {
        public ArxivSection Section { get; } = section;
        public List<ArxivBlock> Blocks { get; } = [.. section.Blocks];
        public List<Entry> Children { get; } = [];
        public bool Dropped { get; private set; }
        public int Cost { get; private set; } = TokenEstimator.Estimate(ArxivTextRenderer.Heading(section)) + section.Blocks.Sum(b => TokenEstimator.Estimate(ArxivTextRenderer.Block(b)));

        /// <summary>Drops this section and its subsections; returns the tokens freed.</summary>
        public int Drop()
        {
            if (Dropped) return 0;
            Dropped = true;
            var freed = Cost;
            Cost = 0;
            foreach (var child in Children) freed += child.Drop();
            return freed;
        }

        /// <summary>Removes the last block <paramref name="removable"/> accepts; returns the tokens freed.</summary>
        public int RemoveLast(Func<ArxivBlock, bool> removable)
        {
            var at = Blocks.FindLastIndex(b => removable(b));
            var freed = TokenEstimator.Estimate(ArxivTextRenderer.Block(Blocks[at]));
            Blocks.RemoveAt(at);
            Cost -= freed;
            return freed;
        }
    }
}
