using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperDigest.Summaries;

/// <summary>
/// Checks the numbers a summary states as results (94.4%, 57.76, 5.7×, 10,497 examples, 1.5B, 3.2k) against the paper's text.
/// Numbers are compared by value after normalising (full-width digits and ％, thousands separators, ×/x, LaTeX's \% and \times),
/// and only whole numbers of the source count: 4.4 is not found inside 94.4. Years, section/figure/table/equation numbers,
/// list markers, numbers in links and arXiv ids, and bare integers up to 10 are not results and are never reported.
/// </summary>
internal static partial class NumberCheck
{
    public const string Warning = "⚠";

    // A number not glued to letters, digits or a dot before it; then an optional unit; never followed by a letter or a digit.
    [GeneratedRegex(@"(?<![A-Za-z0-9_.,])(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:(?<unit>\s?%|\s?[x×✕](?![A-Za-z0-9])|[kKMBT](?![A-Za-z0-9])|\s?(?:billion|million|thousand)\b)|(?![A-Za-z0-9]|[.,]\d))", RegexOptions.CultureInvariant)]
    private static partial Regex Stated();

    // Every maximal number of the source: digits with decimals or thousands groups, whatever surrounds them.
    [GeneratedRegex(@"(?<![0-9.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex AnyNumber();

    [GeneratedRegex(@"(?:\b(?:sections?|sec|secs|§|figures?|figs?|tables?|tabs?|equations?|eqs?|eqn|appendix|appendices|algorithms?|alg|theorems?|lemmas?|propositions?|corollary|definitions?|chapters?|steps?|lines?|rows?|columns?)|\barxiv|表|图|圖|第|节|章|公式|式|附录|定理|算法)[\s.~():*_]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceBefore();

    [GeneratedRegex(@"(?:https?://|www\.)[^\s)\]>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<=\d)(?:\\,|\{,\}|\\!|[\u2009\u202F])(?=\d{3})", RegexOptions.CultureInvariant)]
    private static partial Regex LatexGroupSeparator();

    /// <summary>The result numbers of <paramref name="summaryText"/> (as written there, once each, in order) that <paramref name="sourceText"/> does not contain.</summary>
    public static IReadOnlyList<string> FindUnsupported(string summaryText, string sourceText)
    {
        var source = SourceValues(sourceText);
        var unsupported = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var number in StatedNumbers(summaryText))
        {
            if (!seen.Add(number.Key) || IsSupported(number, source)) continue;
            unsupported.Add(number.Text);
        }
        return unsupported;
    }

    /// <summary>Where the unsupported numbers stand in <paramref name="text"/> (start, length), matched as whole numbers.</summary>
    public static IReadOnlyList<(int Start, int Length)> Find(string text, IReadOnlyCollection<string> unsupported)
    {
        if (unsupported.Count == 0) return [];
        var keys = unsupported.SelectMany(StatedNumbers).Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        return StatedNumbers(text).Where(n => keys.Contains(n.Key)).Select(n => (n.Index, n.Text.Length)).ToList();
    }

    /// <summary>The text with <see cref="Warning"/> right after each occurrence of the unsupported numbers (e.g. <c>87.6%⚠</c>).</summary>
    public static string Mark(string text, IReadOnlyCollection<string> unsupported)
    {
        if (unsupported.Count == 0) return text;
        var marked = new StringBuilder(text.Length + 16);
        var at = 0;
        foreach (var (start, length) in Find(text, unsupported))
        {
            var end = start + length;
            marked.Append(text, at, end - at).Append(Warning);
            at = end;
        }
        return marked.Append(text, at, text.Length - at).ToString();
    }

    private sealed record Number(string Text, int Index, decimal Value, int Decimals, string Unit)
    {
        public string Key => $"{Value.ToString(CultureInfo.InvariantCulture)}{Unit}";
    }

    private static List<Number> StatedNumbers(string text)
    {
        var normal = NormaliseInPlace(text);
        var numbers = new List<Number>();
        var urls = Url().Matches(normal);
        foreach (Match m in Stated().Matches(normal))
        {
            if (urls.Any(u => m.Index >= u.Index && m.Index < u.Index + u.Length)) continue; // part of a link
            var num = m.Groups["num"].Value;
            var unitText = m.Groups["unit"].Value;
            if (!decimal.TryParse(num.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) continue;
            var decimals = num.Contains('.', StringComparison.Ordinal) ? num.Length - num.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
            var unit = CanonicalUnit(unitText);
            if (unit.Length == 0 && IsNotAResult(normal, m, value, num)) continue;
            if (unit.Length > 0 && ReferenceBefore().IsMatch(Before(normal, m.Index))) continue;
            numbers.Add(new Number(text.Substring(m.Index, m.Length).TrimEnd(), m.Index, value / 1.000000000000000000000000000m, decimals, unit));
        }
        return numbers;
    }

    private static bool IsNotAResult(string text, Match m, decimal value, string num)
    {
        var whole = !num.Contains('.', StringComparison.Ordinal);
        if (whole && !num.Contains(',', StringComparison.Ordinal) && value is >= 1900 and <= 2100) return true; // a year
        if (whole && value <= 10) return true; // a small count or a list marker
        var before = Before(text, m.Index);
        if (ReferenceBefore().IsMatch(before)) return true; // Section 3.2, 表 2, Table 14
        var end = m.Index + m.Length;
        var after = end < text.Length ? text[end] : '\0';
        if (whole && after == ')' && (before.EndsWith('(') || before.Length == 0 || char.IsWhiteSpace(before[^1]))) return true; // 12) or (12)
        var lineStart = before.Length == 0 || before[^1] == '\n' || before.TrimEnd(' ', '\t').EndsWith('\n') || before.Trim().Length == 0;
        return whole && lineStart && after == '.'; // "12. " numbered list line
    }

    private static string Before(string text, int index)
    {
        var from = Math.Max(0, index - 24);
        var line = text.LastIndexOf('\n', Math.Max(0, index - 1));
        if (line >= from && index > 0) from = line + 1;
        return text[from..index];
    }

    private static string CanonicalUnit(string unit)
    {
        var u = unit.Trim();
        return u switch
        {
            "" => "",
            "%" => "%",
            "x" or "×" or "✕" => "x",
            "billion" => "B",
            "million" => "M",
            "thousand" => "K",
            _ => u.ToUpperInvariant(),
        };
    }

    private static bool IsSupported(Number number, HashSet<decimal> source)
    {
        if (source.Contains(number.Value)) return true;
        if (Math.Abs(number.Value) > 1_000_000_000_000m) return false; // absurdly large: nothing to scale (and no overflow)
        var scaled = number.Unit switch
        {
            "K" => number.Value * 1_000m,
            "M" => number.Value * 1_000_000m,
            "B" => number.Value * 1_000_000_000m,
            "T" => number.Value * 1_000_000_000_000m,
            "%" => number.Value / 100m,
            _ => (decimal?)null,
        };
        if (scaled is { } s && source.Contains(s / 1.000000000000000000000000000m)) return true;
        // A value given with fewer decimals than the paper's (57.8 for 57.76) is a rounding, not an invention.
        return number.Decimals is > 0 and <= 28 && source.Any(v => Math.Round(v, number.Decimals, MidpointRounding.AwayFromZero) == number.Value && Scale(v) > number.Decimals);
    }

    private static int Scale(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    private static HashSet<decimal> SourceValues(string sourceText)
    {
        var normal = NormaliseInPlace(sourceText)
            .Replace("\\%", "%", StringComparison.Ordinal)
            .Replace("\\times", "×", StringComparison.Ordinal);
        normal = LatexGroupSeparator().Replace(normal, "");
        var values = new HashSet<decimal>();
        foreach (Match m in AnyNumber().Matches(normal))
        {
            if (decimal.TryParse(m.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                values.Add(value);
                values.Add(value / 1.000000000000000000000000000m);
            }
        }
        return values;
    }

    /// <summary>Full-width digits, ％ and ． as ASCII, character for character, so positions stay valid.</summary>
    private static string NormaliseInPlace(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uFF05', '\uFF19')) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '０' and <= '９' => (char)('0' + (c - '０')),
                    '％' => '%',
                    '．' => '.',
                    _ => c,
                };
            }
        });
    }
}
