namespace PaperDigest.Ranking;

/// <summary>The `profile` section: the reader's interests, for ranking listings (and the HF digest with digest.order: relevance).</summary>
internal sealed class ProfileOptions
{
    /// <summary>A BibTeX file (.bib), a Zotero CSL-JSON export (.json) or a Zotero CSV export (.csv); relative to the working folder.</summary>
    public string? Library { get; set; }

    public List<string> Keywords { get; set; } = [];

    public List<string> Authors { get; set; } = [];

    /// <summary>arXiv ids of papers the reader liked (looked up in the store).</summary>
    public List<string> Papers { get; set; } = [];

    public bool IsEmpty => string.IsNullOrWhiteSpace(Library) && Keywords.Count == 0 && Authors.Count == 0 && Papers.Count == 0;

    public IEnumerable<string> Validate()
    {
        if (Library is { Length: > 0 } lib && Path.GetExtension(lib).ToLowerInvariant() is not (".bib" or ".bibtex" or ".json" or ".csv"))
            yield return $"profile.library must be a .bib, .json (Zotero CSL-JSON) or .csv (Zotero CSV) file (got '{lib}')";
        foreach (var p in Papers.Where(p => !PaperDigest.Papers.ArxivId.TryParse(p, out _)))
            yield return $"profile.papers: '{p}' is not an arXiv id";
    }
}
