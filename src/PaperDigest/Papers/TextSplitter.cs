namespace PaperDigest.Papers;

/// <summary>Splits plain text at sentence ends (., !, ? followed by a space; 。！？ anywhere) and at blank lines, keeping every character.</summary>
internal static class TextSplitter
{
    /// <summary>The sentences of <paramref name="text"/>; concatenated they give the text back.</summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c is '。' or '！' or '？'
                || (c is '.' or '!' or '?' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]) && !(c == '.' && IsAbbreviation(text, i)));
            if (!end) continue;
            var stop = i + 1;
            while (stop < text.Length && char.IsWhiteSpace(text[stop])) stop++;
            sentences.Add(text[start..stop]);
            start = stop;
            i = stop - 1;
        }
        if (start < text.Length) sentences.Add(text[start..]);
        return sentences;
    }

    /// <summary>The paragraphs of <paramref name="text"/>, split at blank lines; each keeps its trailing line breaks.</summary>
    public static IReadOnlyList<string> Paragraphs(string text)
    {
        var paragraphs = new List<string>();
        var start = 0;
        var at = 0;
        while ((at = text.IndexOf("\n\n", at, StringComparison.Ordinal)) >= 0)
        {
            var stop = at;
            while (stop < text.Length && text[stop] == '\n') stop++;
            paragraphs.Add(text[start..stop]);
            start = at = stop;
        }
        if (start < text.Length) paragraphs.Add(text[start..]);
        return paragraphs;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var from = dot;
        while (from > 0 && char.IsLetter(text[from - 1])) from--;
        var word = text.AsSpan(from, dot - from);
        return word is "e" or "g" or "i" or "al" or "etc" or "Fig" or "Eq" or "Sec" or "Tab" or "vs" or "cf" or "resp" or "approx" or "Dr" or "Mr" or "Ms" or "No";
    }
}
