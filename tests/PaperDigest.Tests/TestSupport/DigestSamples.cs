using System.Text.Json.Nodes;
using PaperDigest.Papers;
using PaperDigest.Publishing;
using PaperDigest.Summaries;

namespace PaperDigest.Tests.TestSupport;

/// <summary>Small hand-made digests for renderer tests: an ok paper, a failed one, an unsupported number, awkward titles.</summary>
internal static class DigestSamples
{
    public static Digest TwoPapers(string lang)
    {
        var ok = new Paper(new ArxivId("2509.15221", null), "ScaleCUA: Scaling Open-Source\n  Computer Use Agents [v2]", "abstract", ["A. Author", "B. Author"],
            new DateOnly(2025, 9, 18), [], CodeUrl: "https://github.com/OpenGVLab/ScaleCUA", Upvotes: 42);
        var failed = new Paper(new ArxivId("2509.15207", 2), "FlowRL: Matching Reward Distributions for LLM Reasoning", "abstract", ["C. Author"],
            new DateOnly(2025, 9, 18), [], Upvotes: 30);
        var zh = lang == "zh";
        var brief = Summary(ok, "brief", lang, new JsonObject
        {
            ["summary"] = zh ? "该研究提出了ScaleCUA，\n一个跨平台的计算机使用代理。" : "ScaleCUA is a cross-platform\ncomputer use agent.",
            ["research_question"] = zh ? "缺乏大规模开源数据。" : "The lack of open data.",
            ["key_methods"] = zh ? "跨平台交互式数据流水线。" : "A cross-platform data pipeline.",
            ["main_results"] = zh ? "在OSWorld-G上达到60.6%，在WebArena上达到87.6%。" : "60.6% on OSWorld-G and 87.6% on WebArena.",
            ["implications"] = zh ? "数据驱动的扩展是有效策略。" : "Data scaling works.",
        }, ["87.6%"]);
        var keywords = Summary(ok, "keywords", lang, new JsonObject
        {
            ["keywords"] = new JsonArray("GUI", zh ? "计算机使用代理" : "computer use agents"),
            ["one_sentence_summary"] = zh ? "ScaleCUA用跨平台数据训练通用代理。" : "ScaleCUA trains general agents on cross-platform data.",
            ["research_question"] = zh ? "缺乏数据。" : "Lack of data.",
            ["methodology"] = zh ? "数据流水线。" : "A data pipeline.",
            ["main_results"] = zh ? "OSWorld-G上60.6%。" : "60.6% on OSWorld-G.",
            ["implications"] = zh ? "扩展数据。" : "Scale data.",
        }, []);
        var failure = new StoredSummary(Key(failed, "brief", lang), "failed", [], "Abs", [], "the LLM endpoint answered HTTP 500: boom", 0, 0, DateTimeOffset.UnixEpoch);
        var failureKeywords = failure with { Key = Key(failed, "keywords", lang) };
        return new Digest(new DateOnly(2025, 9, 21), lang, ["brief", "keywords"],
        [
            new DigestEntry(ok, new Dictionary<string, StoredSummary> { ["brief"] = brief, ["keywords"] = keywords }),
            new DigestEntry(failed, new Dictionary<string, StoredSummary> { ["brief"] = failure, ["keywords"] = failureKeywords }),
        ]);
    }

    /// <summary>A report digest: one paper read from HTML with an unsupported number, one failed.</summary>
    public static Digest Report(string lang)
    {
        var two = TwoPapers(lang);
        var ok = two.Entries[0].Paper;
        var zh = lang == "zh";
        var report = new StoredSummary(Key(ok, "report", lang), "ok", new JsonObject
        {
            ["application_domain"] = zh ? "计算机使用代理（GUI 自动化）。" : "Computer use agents (GUI automation).",
            ["core_contribution"] = zh ? "提出跨平台数据流水线并训练ScaleCUA模型。" : "A cross-platform data pipeline and the ScaleCUA models.",
            ["usage_input"] = zh ? "屏幕截图与任务指令。" : "A screenshot and an instruction.",
            ["usage_output"] = zh ? "下一步GUI动作。" : "The next GUI action.",
            ["usage_steps"] = new JsonArray(zh ? "采集跨平台轨迹。" : "Collect trajectories.", zh ? "训练模型。" : "Train the model."),
            ["usage_requirements"] = zh ? "论文未说明硬件要求。" : "Hardware is not stated.",
            ["innovations"] = new JsonArray(zh ? "双循环数据采集。" : "A dual-loop data pipeline.", zh ? "统一动作空间。" : "A unified action space."),
            ["results"] = new JsonArray(zh ? "OSWorld-G上达到60.6%。" : "60.6% on OSWorld-G.", zh ? "WebArena上达到87.6%。" : "87.6% on WebArena."),
        }, "HTML", ["87.6%"], null, 10, 5, DateTimeOffset.UnixEpoch);
        var failed = two.Entries[1];
        var failure = failed.Summaries["brief"] with { Key = Key(failed.Paper, "report", lang) };
        return new Digest(two.Date, lang, ["report"],
        [
            new DigestEntry(ok, new Dictionary<string, StoredSummary> { ["report"] = report }),
            new DigestEntry(failed.Paper, new Dictionary<string, StoredSummary> { ["report"] = failure }),
        ]);
    }

    private static SummaryKey Key(Paper p, string style, string lang) => new(p.Id.Id, "", style, lang, style + "-v", "m");

    private static StoredSummary Summary(Paper p, string style, string lang, JsonObject fields, IReadOnlyList<string> unsupported) =>
        new(Key(p, style, lang), "ok", fields, "Abs", unsupported, null, 10, 5, DateTimeOffset.UnixEpoch);
}
