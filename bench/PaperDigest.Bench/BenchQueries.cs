using PaperDigest.Search;

namespace PaperDigest.Bench;

/// <summary>100 varied queries: common and rare English words, phrases, short terms, authors, Chinese (long, 2-char, mixed), filters, FTS syntax.</summary>
internal static class BenchQueries
{
    private static readonly string[] English =
    [
        "diffusion", "transformer", "reinforcement learning", "large language models", "graph neural network", "retrieval augmented generation",
        "benchmark", "attention", "robot manipulation", "speech recognition", "federated learning privacy", "mixture of experts",
        "chain of thought reasoning", "vision language model", "code generation", "quantization", "pruning", "knowledge distillation",
        "contrastive learning", "object detection", "image segmentation", "video generation", "adversarial attack", "interpretability",
        "hallucination", "alignment", "reward model", "preference optimization", "long context", "tokenizer", "protein", "molecule",
        "medical imaging", "autonomous driving", "time series forecasting", "recommendation system", "causal inference", "bayesian",
        "neural radiance fields", "gaussian splatting", "point cloud", "3D", "AI", "RL", "LLM agents", "multi-agent", "scaling laws",
        "in-context learning", "sparse autoencoder", "mechanistic interpretability", "watermark", "jailbreak", "fairness", "uncertainty",
        "zero-shot", "few-shot", "self-supervised", "world model", "planning", "theorem proving", "mathematical reasoning", "survey",
        "dataset", "efficient inference", "KV cache", "speculative decoding", "state space model", "Mamba", "LoRA", "optimizer",
        "Zhang", "Wang Li", "quantum", "climate", "finance", "education",
    ];

    private static readonly string[] Chinese =
    [
        "大语言模型", "强化学习", "扩散模型", "检索增强生成", "知识蒸馏", "图神经网络", "视觉语言模型", "混合专家", "数学推理", "偏好对齐",
        "推理", "量化", "剪枝", "机器人", "LLM 推理", "diffusion 扩散模型", "多模态 基准数据集",
    ];

    public static IReadOnlyList<SearchQuery> All { get; } = Build();

    private static List<SearchQuery> Build()
    {
        var list = English.Select(q => new SearchQuery(q)).Concat(Chinese.Select(q => new SearchQuery(q))).ToList();
        list.Add(new SearchQuery("language models", Page: 3));
        list.Add(new SearchQuery("reasoning", HasCode: true));
        list.Add(new SearchQuery("agents", From: new DateOnly(2025, 6, 1), To: new DateOnly(2025, 12, 31)));
        list.Add(new SearchQuery("AND ("));
        list.Add(new SearchQuery("\"unbalanced quote"));
        list.Add(new SearchQuery("a NEAR b"));
        list.Add(new SearchQuery("data*"));
        return list.Take(100).ToList();
    }
}
