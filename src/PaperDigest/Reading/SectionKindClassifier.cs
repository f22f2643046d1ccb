namespace PaperDigest.Reading;

/// <summary>Decides what a section is for from its LaTeXML class and its heading words.</summary>
internal static class SectionKindClassifier
{
    private static readonly (SectionKind Kind, string[] Words)[] ByHeading =
    [
        (SectionKind.References, ["references", "bibliography"]),
        (SectionKind.Acknowledgements, ["acknowledg"]),
        (SectionKind.Appendix, ["appendix", "appendices", "supplementary", "supplemental"]),
        (SectionKind.RelatedWork, ["related work", "related works", "prior work", "previous work", "literature review", "related literature", "related research"]),
        (SectionKind.Statement, ["ethic", "broader impact", "impact statement", "reproducibility", "author contribution", "contributions statement", "funding", "conflict of interest", "competing interest", "data availability", "code availability"]),
        (SectionKind.Limitations, ["limitation"]),
        (SectionKind.Proof, ["proof"]),
        (SectionKind.Introduction, ["introduction", "overview", "motivation"]),
        (SectionKind.Conclusion, ["conclusion", "concluding", "summary", "future work"]),
        (SectionKind.Experiments, ["experiment", "evaluation", "result", "benchmark", "ablation", "empirical", "performance", "analysis", "study"]),
        (SectionKind.Method, ["method", "approach", "model", "architecture", "framework", "algorithm", "design", "training", "proposed", "system", "implementation", "formulation"]),
        (SectionKind.Background, ["background", "preliminar", "problem setting", "problem statement", "notation", "setup"]),
        (SectionKind.Discussion, ["discussion"]),
    ];

    /// <summary>The kind of a section; <paramref name="parent"/> is inherited when the heading says nothing, and an appendix stays one.</summary>
    public static SectionKind Classify(string? classes, string heading, SectionKind parent)
    {
        if (LatexmlClass.Has(classes, "ltx_bibliography")) return SectionKind.References;
        if (parent is SectionKind.Appendix or SectionKind.References or SectionKind.Acknowledgements) return parent;
        if (LatexmlClass.Has(classes, "ltx_appendix")) return SectionKind.Appendix;
        var words = heading.ToLowerInvariant();
        foreach (var (kind, keys) in ByHeading)
        {
            foreach (var key in keys)
            {
                if (words.Contains(key, StringComparison.Ordinal)) return kind;
            }
        }
        return parent;
    }
}
