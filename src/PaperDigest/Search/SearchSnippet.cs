namespace PaperDigest.Search;

/// <summary>Cuts a short plain-text passage around the first term found (the renderers escape and highlight it).</summary>
internal static class SearchSnippet
{
    public static string Make(IEnumerable<string> texts, IReadOnlyList<string> terms, int width = 220)
    {
        string? fallback = null;
        foreach (var raw in texts)
        {
            var text = Papers.Whitespace.Collapse(raw);
            if (text.Length == 0) continue;
            fallback ??= text;
            var at = terms.Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (at >= 0) return Cut(text, Math.Max(0, at - width / 3), width);
        }
        return fallback is null ? "" : Cut(fallback, 0, width);
    }

    private static string Cut(string text, int start, int width)
    {
        if (start > 0)
        {
            var space = text.LastIndexOf(' ', start);
            start = space > 0 && start - space < 20 ? space + 1 : start;
        }
        if (char.IsLowSurrogate(text[start])) start++;
        var end = Math.Min(text.Length, start + width);
        if (end < text.Length && char.IsHighSurrogate(text[end - 1])) end--;
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}
