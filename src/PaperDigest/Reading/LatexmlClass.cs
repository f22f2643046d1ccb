namespace PaperDigest.Reading;

/// <summary>Tests an element's class attribute for one of LaTeXML's <c>ltx_*</c> classes without allocating.</summary>
internal static class LatexmlClass
{
    public static bool Has(string? classes, string name)
    {
        if (string.IsNullOrEmpty(classes)) return false;
        var span = classes.AsSpan();
        var at = 0;
        while (at < span.Length)
        {
            var found = span[at..].IndexOf(name, StringComparison.Ordinal);
            if (found < 0) return false;
            var start = at + found;
            var end = start + name.Length;
            var startOk = start == 0 || char.IsWhiteSpace(span[start - 1]);
            var endOk = end == span.Length || char.IsWhiteSpace(span[end]);
            if (startOk && endOk) return true;
            at = end;
        }
        return false;
    }

    public static bool HasAny(string? classes, ReadOnlySpan<string> names)
    {
        if (string.IsNullOrEmpty(classes)) return false;
        foreach (var name in names)
        {
            if (Has(classes, name)) return true;
        }
        return false;
    }
}
