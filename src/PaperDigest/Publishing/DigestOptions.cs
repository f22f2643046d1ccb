namespace PaperDigest.Publishing;

/// <summary>The `digest` section: which styles, which language, where the files go.</summary>
internal sealed class DigestOptions
{
    public string Lang { get; set; } = "zh";

    public List<string> Styles { get; set; } = ["brief"];

    /// <summary>At most this many papers a day (0: all).</summary>
    public int Limit { get; set; }

    public string Out { get; set; } = "./out";

    /// <summary>Order of the Hugging Face digest: upvotes (as the seeds) or relevance (to the profile).</summary>
    public string Order { get; set; } = "upvotes";
    public const string ReadFull = "full";
    public const string ReadAbstract = "abstract";

    /// <summary>What the daily styles are written from when an LLM writes them: full (HTML, else PDF, else the abstract) or abstract. Offline is always the abstract.</summary>
    public string Read { get; set; } = ReadFull;

    public IEnumerable<string> Validate()
    {
        if (Lang is not ("zh" or "en")) yield return $"digest.lang must be zh or en (got '{Lang}')";
        if (Styles.Count == 0) yield return "digest.styles must name at least one style";
        foreach (var s in Styles.Where(s => Summaries.SummaryStyles.Find(s) is null))
            yield return $"digest.styles: unknown style '{s}' (known: {Summaries.SummaryStyles.Names})";
        if (Limit < 0) yield return $"digest.limit must be 0 (all) or more (got {Limit})";
        if (Order is not ("upvotes" or "relevance")) yield return $"digest.order must be upvotes or relevance (got '{Order}')";
        if (string.IsNullOrWhiteSpace(Out)) yield return "digest.out must not be empty";
        if (Read is not (ReadFull or ReadAbstract)) yield return $"digest.read must be full or abstract (got '{Read}')";
    }
}
