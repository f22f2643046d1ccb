using System.Text.RegularExpressions;

namespace PaperDigest.Listings;

/// <summary>One item of the `sources` list: a named arXiv listing for `daily --source NAME`.</summary>
internal sealed partial class SourceOptions
{
    public static readonly string[] AnnounceTypes = ["new", "cross", "replace", "replace-cross"];

    public string Name { get; set; } = "";

    /// <summary>Fetched in one combined RSS request (rss/cs.RO+cs.CV).</summary>
    public List<string> ArxivCategories { get; set; } = [];

    /// <summary>Which announcements to keep: new, cross, replace, replace-cross.</summary>
    public List<string> Announce { get; set; } = ["new", "cross"];

    /// <summary>Keep the N most relevant to the profile; 0: all, in listing order.</summary>
    public int Top { get; set; } = 20;

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DayShape();

    [GeneratedRegex(@"^[A-Za-z-]+(\.[A-Za-z-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Category();

    /// <summary>
    /// Whether <paramref name="name"/> can name a source: a folder name (daily/&lt;name&gt;/) that is not shaped like a day,
    /// so the reader's /daily/&lt;name&gt;/ never stands where the Hugging Face day /daily/&lt;date&gt; does.
    /// </summary>
    public static bool IsName(string name) => SafeName().IsMatch(name) && !DayShape().IsMatch(name);

    public IEnumerable<string> Validate()
    {
        if (!SafeName().IsMatch(Name)) yield return $"sources[].name must be lower-case letters, digits, '-' or '_' (it names a folder), got '{Name}'";
        if (DayShape().IsMatch(Name)) yield return $"sources[].name '{Name}' looks like a day (YYYY-MM-DD), which names the Hugging Face digests (daily/<date>)";
        if (Name is "huggingface" or "hf") yield return $"sources[].name '{Name}' is reserved for the default source";
        if (ArxivCategories.Count == 0) yield return $"sources[] '{Name}': arxiv_categories must name at least one category, e.g. [cs.RO]";
        foreach (var c in ArxivCategories.Where(c => !Category().IsMatch(c))) yield return $"sources[] '{Name}': '{c}' is not an arXiv category (e.g. cs.RO)";
        if (Announce.Count == 0) yield return $"sources[] '{Name}': announce must name at least one of {string.Join(", ", AnnounceTypes)}";
        foreach (var a in Announce.Where(a => !AnnounceTypes.Contains(a, StringComparer.OrdinalIgnoreCase))) yield return $"sources[] '{Name}': unknown announce type '{a}' (known: {string.Join(", ", AnnounceTypes)})";
        if (Top < 0) yield return $"sources[] '{Name}': top must be 0 (all) or more (got {Top})";
    }
}
