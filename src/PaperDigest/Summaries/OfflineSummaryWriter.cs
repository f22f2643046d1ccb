using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PaperDigest.Papers;

namespace PaperDigest.Summaries;

/// <summary>
/// The summarizer used when no LLM is configured: each field is filled by rule with sentences taken from the
/// abstract as they are (so nothing is invented), and every summary says it is an offline extract.
/// </summary>
internal sealed partial class OfflineSummaryWriter : ISummaryWriter
{
    public const string ModelName = "offline-extractive-v1";

    public string Model => ModelName;

    public bool IsOffline => true;

    public static string Label(string lang) => lang == "en"
        ? "[Offline extract: no LLM configured; sentences quoted from the abstract]"
        : "[离线摘录：未配置 LLM，以下句子摘自论文摘要原文]";

    public Task<WrittenSummary> WriteAsync(SummaryInput input, SummaryStyle style, string lang, CancellationToken cancellationToken)
    {
        var text = Whitespace.Collapse(input.Paper.Abstract.Length > 0 ? input.Paper.Abstract : input.Text);
        if (text.Length == 0)
            return Task.FromResult(new WrittenSummary(false, [], lang == "en" ? "no abstract to extract from (offline)" : "没有可摘录的摘要（离线）", 0, 0, []));
        var sentences = Sentences(text);
        var picks = new Picks(sentences);
        var fields = new JsonObject();
        foreach (var f in style.Fields)
        {
            if (f.Kind == FieldKind.List && f.Name != "keywords")
            {
                var items = f.Name switch
                {
                    "results" => picks.All(ResultWords()),
                    "innovations" => picks.All(NoveltyWords()),
                    _ => picks.All(MethodWords()),
                };
                if (items.Count == 0) items = [picks.Take(0)];
                fields[f.Name] = new JsonArray(items.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
                continue;
            }
            if (f.Kind == FieldKind.List)
            {
                var keywords = input.Paper.AiKeywords is { Count: > 0 } k ? k.Take(6).ToList() : Keywords(input.Paper.Title + ". " + text);
                if (keywords.Count == 0) keywords = [Whitespace.Collapse(input.Paper.Title)];
                fields[f.Name] = new JsonArray(keywords.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
                continue;
            }
            var value = f.Name switch
            {
                "summary" => picks.Take(0, 1),
                "one_sentence_summary" => picks.Take(0),
                "research_question" => picks.First(ProblemWords()) ?? picks.Take(0),
                "key_methods" or "methodology" => picks.First(MethodWords()) ?? picks.Take(1),
                "main_results" => picks.First(ResultWords()) ?? picks.Take(sentences.Count - 2),
                "implications" => picks.Take(sentences.Count - 1),
                "core_contribution" => picks.Take(0),
                "application_domain" => input.Paper.AiKeywords is { Count: > 0 } k ? string.Join(", ", k.Take(6)) : input.Paper.Categories.Count > 0 ? string.Join(", ", input.Paper.Categories) : picks.Take(0),
                "usage_input" or "usage_output" or "usage_requirements" => lang == "en" ? "Not stated in the abstract." : "摘要中未说明。",
                _ => picks.Take(0),
            };
            fields[f.Name] = value;
        }
        var first = style.Fields[0].Kind == FieldKind.Text ? style.Fields[0] : style.Fields[1];
        fields[first.Name] = Label(lang) + " " + fields[first.Name]!.GetValue<string>();
        return Task.FromResult(new WrittenSummary(true, fields, null, 0, 0, []));
    }

    /// <summary>Picks sentences by position or pattern, preferring ones no earlier field has used.</summary>
    private sealed class Picks(IReadOnlyList<string> sentences)
    {
        private readonly HashSet<int> _used = [];

        public string Take(params int[] indexes)
        {
            var chosen = indexes.Where(i => i >= 0 && i < sentences.Count).Distinct().ToList();
            _used.UnionWith(chosen);
            return chosen.Count > 0 ? string.Join(" ", chosen.Select(i => sentences[i])) : string.Join(" ", sentences);
        }

        public List<string> All(Regex pattern) => sentences.Where(s => pattern.IsMatch(s)).Take(4).ToList();

        public string? First(Regex pattern)
        {
            var index = Enumerable.Range(0, sentences.Count).Where(i => !_used.Contains(i)).FirstOrDefault(i => pattern.IsMatch(sentences[i]), -1);
            return index < 0 ? null : Take(index);
        }
    }

    internal static IReadOnlyList<string> Sentences(string text)
    {
        var parts = TextSplitter.Sentences(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        return parts.Count > 0 ? parts : [text];
    }

    /// <summary>Acronyms and capitalised multi-letter names (e.g. GRPO, ScaleCUA, LoRA), most frequent first.</summary>
    internal static List<string> Keywords(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in Term().Matches(text))
        {
            var w = m.Value.Trim('-');
            if (w.Length < 3 || Stop.Contains(w)) continue;
            counts[w] = counts.GetValueOrDefault(w) + 1;
        }
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => text.IndexOf(kv.Key, StringComparison.Ordinal)).Take(5).Select(kv => kv.Key).ToList();
    }

    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "This", "These", "That", "Our", "We", "Moreover", "However", "Furthermore", "Additionally", "Finally", "Specifically",
        "In", "To", "For", "With", "On", "By", "Its", "Their", "Code", "Project", "Experiments", "Extensive", "Results",
    };

    [GeneratedRegex(@"\b(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9\-]*|[A-Z]{2,}[a-z]?)\b")]
    private static partial Regex Term();

    [GeneratedRegex(@"\b(challeng|problem|limitation|struggle|lack|remain|question|address|however|bottleneck|gap)", RegexOptions.IgnoreCase)]
    private static partial Regex ProblemWords();

    [GeneratedRegex(@"\b(we (propose|present|introduce|develop|design)|framework|method|approach|architecture|pipeline)", RegexOptions.IgnoreCase)]
    private static partial Regex MethodWords();

    [GeneratedRegex(@"\b(novel|first|new|unlike|propose|introduce)", RegexOptions.IgnoreCase)]
    private static partial Regex NoveltyWords();

    [GeneratedRegex(@"(\d+(\.\d+)?\s?%|\b(outperform|achiev|improv|state-of-the-art|surpass|results? show|experiments show|SOTA)\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex ResultWords();
}
