using System.Text.Json.Nodes;

namespace PaperDigest.Tests.TestSupport;

/// <summary>A small reader data set written through the real stores: one day of three papers (one hostile), summaries, a topic.</summary>
internal static class ReaderSeed
{
    public static readonly DateOnly Day = new(2026, 2, 3);
    public static readonly DateOnly EarlierDay = new(2026, 2, 2);
    public const string XssTitle = "<script>window.__xss=1;alert(1)</script> Attention Is <b>Not</b> All";
    public const string XssId = "2602.00666";
    public const string ChineseId = "2602.02276";
    public const string CodeId = "2602.01111";
    public const string Topic = "LLM Agents";
    public const string CodeTranslation = "代码论文摘要的中文译文。";

    public static async Task SeedAsync(TempStore store)
    {
        var hostile = TempStore.Paper(XssId, XssTitle, "An abstract with <img src=x onerror=\"window.__xss=1\"> markup.", new DateOnly(2026, 2, 1), "javascript:window.__xss=1", "Mallory <i>Evil</i>");
        var chinese = TempStore.Paper(ChineseId, "Sparse Mixture of Experts for Efficient Reasoning", "We propose a sparse mixture of experts that improves reasoning efficiency by 2.5x.", new DateOnly(2026, 2, 2), null, "Li Wei", "Wang Fang");
        var code = TempStore.Paper(CodeId, "Tool-Using Agents with Retrieval", "Agents that retrieve documents and call tools.", new DateOnly(2026, 2, 2), "https://github.com/example/agents", "Grace Hopper");
        await store.Papers.SaveListingAsync(Day, [chinese with { Upvotes = 42 }, code with { Upvotes = 7 }, hostile with { Upvotes = 1 }], CancellationToken.None);
        await store.Papers.SaveListingAsync(EarlierDay, [code], CancellationToken.None);

        await store.SummaryAsync(ChineseId, "brief", new JsonObject
        {
            ["summary"] = "本文提出一种稀疏混合专家模型，提升大语言模型的推理效率。",
            ["research_question"] = "如何在不增加计算量的情况下提升推理能力？",
            ["key_methods"] = "稀疏路由与专家并行。",
            ["main_results"] = "推理速度提升2.5倍，准确率达到94.4%。",
            ["implications"] = "从业者可以用更少的算力部署推理模型。",
        }, unsupported: ["94.4%"]);
        await store.SummaryAsync(ChineseId, "keywords", new JsonObject
        {
            ["keywords"] = new JsonArray("混合专家", "稀疏路由", "推理"),
            ["one_sentence_summary"] = "稀疏混合专家提升推理效率。",
            ["research_question"] = "如何高效推理？",
            ["methodology"] = "稀疏路由。",
            ["main_results"] = "速度提升2.5倍。",
            ["implications"] = "更省算力。",
        });
        await store.SummaryAsync(XssId, "brief", new JsonObject
        {
            ["summary"] = "<script>window.__xss=1</script>摘要里有脚本标签。",
            ["research_question"] = "\"><img src=x onerror=window.__xss=1>",
            ["key_methods"] = "—",
            ["main_results"] = "—",
            ["implications"] = "—",
        }, source: "Abs");
        await store.TopicAsync(CodeId, Topic);
        await store.TopicAsync(ChineseId, Topic);
        await using var connection = await store.Sqlite.ConnectAsync(CancellationToken.None);
        await Dapper.SqlMapper.ExecuteAsync(connection,
            "INSERT INTO translations (paper_id, version, lang, model, text, created_at) VALUES (@id, '', 'zh', 'test-model', @text, '2026-02-03T00:00:00Z')",
            new { id = CodeId, text = CodeTranslation });
    }
}
