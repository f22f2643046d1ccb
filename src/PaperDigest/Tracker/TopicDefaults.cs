namespace PaperDigest.Tracker;

/// <summary>The six topics of the reference tracker page, used when the configuration names none.</summary>
internal static class TopicDefaults
{
    private static readonly string[] AiCategories = ["cs.CL", "cs.LG", "cs.AI", "cs.CV"];

    private static readonly TopicTerm[] LargeLanguageModel =
    [
        new("large language model"), new("large language models"), new("LLM"), new("LLMs"),
    ];

    /// <summary>A fresh list each call, so callers may change what they get.</summary>
    public static IReadOnlyList<TopicOptions> All() =>
    [
        new()
        {
            Name = "多模态",
            Terms =
            [
                new("multimodal", TopicTermField.Abstract), new("multi-modal", TopicTermField.Abstract),
                new("vision-language", TopicTermField.Abstract), new("vision language model", TopicTermField.Abstract),
                new("MLLM", TopicTermField.Abstract),
            ],
            Categories = ["cs.CV", "cs.CL", "cs.AI", "cs.LG"],
        },
        new()
        {
            Name = "大模型PEFT",
            Terms =
            [
                new("parameter-efficient fine-tuning"), new("parameter efficient fine-tuning"), new("PEFT"),
                new("LoRA"), new("low-rank adaptation"), new("adapter tuning"), new("prompt tuning"), new("prefix tuning"),
            ],
            Categories = [.. AiCategories],
        },
        new()
        {
            Name = "大模型强化学习",
            Terms = [new("reinforcement learning"), new("RLHF"), new("GRPO"), new("policy optimization")],
            Require = [.. LargeLanguageModel],
            Categories = [.. AiCategories],
        },
        new()
        {
            Name = "大模型持续学习",
            Terms =
            [
                new("continual learning"), new("lifelong learning"), new("catastrophic forgetting"),
                new("continual pre-training"), new("incremental learning"),
            ],
            Require = [.. LargeLanguageModel],
            Categories = [.. AiCategories],
        },
        new()
        {
            Name = "Transformer",
            Terms = [new("transformer", TopicTermField.Title), new("transformers", TopicTermField.Title)],
            Categories = [.. AiCategories],
        },
        new()
        {
            Name = "生成模型",
            Terms =
            [
                new("diffusion model"), new("diffusion models"), new("generative model"), new("generative models"),
                new("flow matching"), new("score-based generative"),
            ],
            Categories = ["cs.CV", "cs.LG", "cs.AI", "stat.ML"],
        },
    ];
}
