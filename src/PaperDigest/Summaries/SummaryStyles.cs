namespace PaperDigest.Summaries;

/// <summary>The digest styles of PRODUCT.md. Built once; immutable.</summary>
internal static class SummaryStyles
{
    public static SummaryStyle Brief { get; } = new("brief", "five numbered points (i–v), like seed 000", needsFullText: false,
    [
        new("summary", FieldKind.Text, "2-4 sentences: what the paper does and its headline result.", "论文总结", "Summary"),
        new("research_question", FieldKind.Text, "The main research question or objective.", "主要研究问题或目标", "Main research question or objective"),
        new("key_methods", FieldKind.Text, "The key methods, concretely (names of components, data, training).", "使用的关键方法", "Key methods"),
        new("main_results", FieldKind.Text, "The main results with the concrete numbers exactly as the paper states them (benchmark, metric, value).", "主要结果", "Main results"),
        new("implications", FieldKind.Text, "The main implication for AI practitioners.", "对AI从业者的主要启示", "Implications for AI practitioners"),
    ]);

    public static SummaryStyle Keywords { get; } = new("keywords", "keywords and five labelled fields, like seeds 001 and 003", needsFullText: false,
    [
        new("keywords", FieldKind.List, "3-6 core keywords of the paper.", "核心关键词", "Core keywords", IsProse: false),
        new("one_sentence_summary", FieldKind.Text, "One sentence: the paper's core contribution.", "一句话核心摘要", "One-sentence summary"),
        new("research_question", FieldKind.Text, "The main research question or objective.", "主要研究问题或目标", "Main research question or objective"),
        new("methodology", FieldKind.Text, "The key methodology, concretely.", "关键方法论", "Key methodology"),
        new("main_results", FieldKind.Text, "The main results with the concrete numbers exactly as the paper states them.", "主要成果", "Main results"),
        new("implications", FieldKind.Text, "The main implication for AI practitioners.", "对AI从业者的主要启示", "Implications for AI practitioners"),
    ]);

    public static SummaryStyle Report { get; } = new("report", "a five-section report from the full text, like seed 004", needsFullText: true,
    [
        new("application_domain", FieldKind.Text, "The application field(s) and concrete use cases.", "应用领域", "Application domain"),
        new("core_contribution", FieldKind.Text, "One sentence: the paper's core contribution.", "一句话核心贡献", "Core contribution in one sentence"),
        new("usage_input", FieldKind.Text, "What the method takes as input.", "输入", "Input"),
        new("usage_output", FieldKind.Text, "What the method produces.", "输出", "Output"),
        new("usage_steps", FieldKind.List, "How it runs, step by step (2-6 steps).", "运行流程", "How it runs"),
        new("usage_requirements", FieldKind.Text, "What is needed to run it: models, hardware, data, software; 'not stated' when the paper does not say.", "环境要求", "Requirements"),
        new("innovations", FieldKind.List, "The main innovations, one per item (2-5 items).", "主要创新点", "Main innovations"),
        new("results", FieldKind.List, "The experimental results, one per item, with the concrete numbers exactly as the paper states them (benchmark, metric, value, baseline).", "实验效果", "Experimental results"),
    ]);

    public static IReadOnlyList<SummaryStyle> All { get; } = [Brief, Keywords, Report];

    public static SummaryStyle? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", All.Select(s => s.Name));
}
