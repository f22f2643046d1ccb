using System.Text;
using System.Text.RegularExpressions;
using PaperDigest.Papers;

namespace PaperDigest.Reading;

/// <summary>
/// Fits a paper into a token budget (<see cref="TokenEstimator"/>). Title, abstract, introduction, method, experiments,
/// tables and conclusion stay longest. First whole kinds of sections go, in this order: references, acknowledgements,
/// appendices, statements (ethics, contributions), related work, proofs; then the longest low-priority sections lose
/// blocks from their end, then the longest of the others (each keeps its first paragraph); tables go last and whole.
/// Only whole blocks are removed, so nothing is cut inside a table row or a sentence.
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
        var sheet = new Sheet(TokenEstimator.Estimate(ArxivTextRenderer.Header(document)), entries);
        if (sheet.Total() <= maxTokens) return document;

        // Whole kinds go first, in priority order: once a kind has to go, all of it goes.
        foreach (var kind in DropOrder)
        {
            if (sheet.Total() <= maxTokens) break;
            foreach (var entry in entries.Where(e => e.Section.Kind == kind)) entry.Drop();
        }
        Refill(sheet, entries, maxTokens);
        sheet.Trim(maxTokens, entries, (_, b) => b.Kind == BlockKind.Proof);
        sheet.Trim(maxTokens, entries.Where(e => LowPriority.Contains(e.Section.Kind)), (_, b) => b.Kind != BlockKind.Table);
        sheet.Trim(maxTokens, entries, (e, b) => b.Kind != BlockKind.Table && !ReferenceEquals(b, e.Lead));
        sheet.Trim(maxTokens, entries, (e, b) => !ReferenceEquals(b, e.Lead));
        sheet.Trim(maxTokens, entries, (_, _) => true);
        var bySection = entries.ToDictionary(e => (object)e.Section, ReferenceEqualityComparer.Instance);
        return document with { Sections = document.Sections.Select(s => Rebuild(s, bySection)).OfType<ArxivSection>().ToList() };
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

    /// <summary>Puts dropped sections back, in document order, wherever a whole subtree (or else the section's own text) still fits.</summary>
    private static void Refill(Sheet sheet, List<Entry> entries, int maxTokens)
    {
        if (sheet.Total() >= maxTokens) return;
        foreach (var entry in entries)
        {
            if (!entry.Dropped || entry.Parent is { Dropped: true }) continue;
            entry.Restore(withChildren: true);
            if (sheet.Total() <= maxTokens) continue;
            entry.Drop();
            entry.Restore(withChildren: false);
            if (sheet.Total() > maxTokens) entry.Drop();
        }
    }

    private static void Flatten(ArxivSection section, List<Entry> entries, Entry? parent = null)
    {
        var entry = new Entry(section, parent);
        entries.Add(entry);
        foreach (var child in section.Subsections)
        {
            var first = entries.Count;
            Flatten(child, entries, entry);
            entry.Children.Add(entries[first]);
        }
    }

    private static ArxivSection? Rebuild(ArxivSection section, Dictionary<object, Entry> entries)
    {
        var entry = entries[section];
        if (entry.Dropped) return null;
        var children = section.Subsections.Select(s => Rebuild(s, entries)).OfType<ArxivSection>().ToList();
        if (entry.Blocks.Count == 0 && children.Count == 0) return null;
        return section with { Blocks = entry.Blocks.ToList(), Subsections = children };
    }

    /// <summary>The running token count of a document being fitted: header plus every visible section's heading and blocks.</summary>
    private sealed class Sheet(int header, List<Entry> entries)
    {
        public int Total()
        {
            var total = header;
            for (var i = entries.Count - 1; i >= 0; i--)
            {
                var entry = entries[i];
                entry.Visible = !entry.Dropped && (entry.Blocks.Count > 0 || entry.Children.Exists(c => c.Visible));
                if (entry.Visible) total += entry.HeadingCost + entry.BlocksCost;
            }
            return total;
        }

        /// <summary>Removes blocks <paramref name="removable"/> accepts, from the end of the longest candidate section, until the document fits.</summary>
        public void Trim(int maxTokens, IEnumerable<Entry> candidates, Func<Entry, ArxivBlock, bool> removable)
        {
            var pool = candidates.Where(e => !e.Dropped).ToList();
            while (Total() > maxTokens)
            {
                Entry? longest = null;
                foreach (var entry in pool)
                {
                    if ((longest is null || entry.BlocksCost > longest.BlocksCost) && entry.Blocks.Exists(b => removable(entry, b))) longest = entry;
                }
                if (longest is null) return;
                longest.RemoveLast(b => removable(longest, b));
            }
        }
    }

    private sealed class Entry(ArxivSection section, Entry? parent)
    {
        public ArxivSection Section { get; } = section;
        public Entry? Parent { get; } = parent;
        public List<ArxivBlock> Blocks { get; } = [.. section.Blocks];
        public ArxivBlock? Lead { get; } = section.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Paragraph);
        public List<Entry> Children { get; } = [];
        public bool Dropped { get; private set; }
        public bool Visible { get; set; } = true;
        public int HeadingCost { get; } = TokenEstimator.Estimate(ArxivTextRenderer.Heading(section));
        public int BlocksCost { get; private set; } = section.Blocks.Sum(b => TokenEstimator.Estimate(ArxivTextRenderer.Block(b)));

        /// <summary>Drops this section and its subsections.</summary>
        public void Drop()
        {
            Dropped = true;
            foreach (var child in Children) child.Drop();
        }

        /// <summary>Puts this section back, with or without its subsections.</summary>
        public void Restore(bool withChildren)
        {
            Dropped = false;
            if (!withChildren) return;
            foreach (var child in Children) child.Restore(withChildren: true);
        }

        /// <summary>Removes the last block <paramref name="removable"/> accepts.</summary>
        public void RemoveLast(Predicate<ArxivBlock> removable)
        {
            var at = Blocks.FindLastIndex(removable);
            BlocksCost -= TokenEstimator.Estimate(ArxivTextRenderer.Block(Blocks[at]));
            Blocks.RemoveAt(at);
        }
    }
}
