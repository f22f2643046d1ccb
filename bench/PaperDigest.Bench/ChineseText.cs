using System.Text.Json.Nodes;
using PaperDigest.Summaries;

namespace PaperDigest.Bench;

/// <summary>Synthetic Chinese summaries (the corpus has none): sentences built from common AI terms, deterministic per seed.</summary>
internal static class ChineseText
{
    public static readonly string[] Terms =
    [
        "大语言模型", "强化学习", "扩散模型", "推理", "多模态", "检索增强生成", "智能体", "知识蒸馏", "图神经网络", "对比学习",
        "视觉语言模型", "混合专家", "长上下文", "代码生成", "数学推理", "指令微调", "偏好对齐", "思维链", "量化", "剪枝",
        "机器人", "语音识别", "目标检测", "图像分割", "视频生成", "联邦学习", "隐私保护", "对抗攻击", "鲁棒性", "可解释性",
    ];

    private static readonly string[] Frames =
    [
        "本文提出一种基于{0}的新方法，用于提升{1}的效率。", "作者研究了{0}与{1}之间的关系，并给出理论分析。",
        "实验表明该方法在{0}任务上显著优于现有基线。", "我们构建了一个面向{0}的基准数据集，覆盖{1}等场景。",
        "该框架结合{0}和{1}，在多个数据集上取得了领先结果。", "对从业者而言，{0}可以降低{1}的部署成本。",
    ];

    public static StoredSummary Summary(string paperId, Random random)
    {
        string Sentence() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Frames[random.Next(Frames.Length)], Terms[random.Next(Terms.Length)], Terms[random.Next(Terms.Length)]);
        var fields = new JsonObject
        {
            ["summary"] = Sentence() + Sentence(),
            ["research_question"] = Sentence(),
            ["key_methods"] = Sentence(),
            ["main_results"] = Sentence(),
            ["implications"] = Sentence(),
        };
        return new StoredSummary(new SummaryKey(paperId, "", "brief", "zh", "brief-bench", "bench"), "ok", fields, "Abs", [], null, 0, 0, DateTimeOffset.UtcNow);
    }
}
