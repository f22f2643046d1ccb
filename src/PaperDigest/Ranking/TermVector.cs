using System.Text.RegularExpressions;

namespace PaperDigest.Ranking;

/// <summary>A text as weighted terms: lower-cased words (LaTeX and stop words dropped, plurals folded), sparse and L2-normalised on demand.</summary>
internal static partial class TermVector
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "in", "into", "is", "it", "its",
        "of", "on", "or", "our", "that", "the", "their", "this", "these", "to", "we", "which", "with", "while", "was", "were",
        "via", "not", "but", "also", "both", "such", "than", "then", "they", "them", "using", "use", "used", "based", "new",
        "propose", "proposed", "paper", "show", "results", "method", "methods", "approach", "model", "models", "however",
        "more", "most", "each", "other", "over", "under", "between", "across", "without", "within", "through", "two", "one",
        "how", "what", "when", "where", "whether", "only", "well", "may", "further", "first", "existing", "demonstrate",
        "significantly", "achieve", "achieves", "introduce", "present", "work", "task", "tasks", "performance", "data",
    };

    [GeneratedRegex(@"\$[^$]*\$|\\[A-Za-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Latex();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public static IEnumerable<string> Terms(string text)
    {
        foreach (Match m in Word().Matches(Latex().Replace(text, " ")))
        {
            var w = m.Value.ToLowerInvariant();
            if (w.Length < 2 || StopWords.Contains(w) || w.All(char.IsDigit)) continue;
            yield return Fold(w);
        }
    }

    /// <summary>Folds common English plurals so that "robots" meets "robot".</summary>
    private static string Fold(string w) =>
        w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal) ? w[..^3] + "y"
        : w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal) ? w[..^1]
        : w;

    public static Dictionary<string, int> Counts(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in Terms(text)) counts[t] = counts.GetValueOrDefault(t) + 1;
        return counts;
    }

    public static void Normalize(Dictionary<string, double> v)
    {
        var norm = Math.Sqrt(v.Values.Sum(x => x * x));
        if (norm == 0) return;
        foreach (var k in v.Keys.ToList()) v[k] /= norm;
    }

    public static double Dot(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        var sum = 0.0;
        foreach (var (k, x) in a)
            if (b.TryGetValue(k, out var y)) sum += x * y;
        return sum;
    }
}
