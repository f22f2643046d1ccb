using System.Text.Json.Nodes;

namespace PaperDigest.Tests.Delivery;

/// <summary>A published day as `daily` writes it (daily/&lt;date&gt;.json), with hostile titles and long Chinese summaries.</summary>
internal static class NotifySamples
{
    public const string Date = "2026-02-03";
    public const string Hostile = "<script>alert(1)</script> & *bold* [x](javascript:alert(1)) @everyone <!channel> <b>";

    public static string Id(int i) => $"2602.{i:D5}";

    public static void WriteDay(string outDir, int papers, int summaryChars = 300, string? source = null)
    {
        var list = new JsonArray();
        for (var i = 0; i < papers; i++)
        {
            var summary = string.Concat(Enumerable.Repeat("本文提出一种新方法，显著提升了机器人抓取的成功率。", summaryChars / 24 + 1))[..summaryChars];
            list.Add(new JsonObject
            {
                ["id"] = Id(i) + "v1",
                ["title"] = $"Paper {i}: {(i % 3 == 0 ? Hostile : "Learning to Grasp")}",
                ["authors"] = new JsonArray("Ada Lovelace"),
                ["upvotes"] = 10,
                ["code_url"] = null,
                ["pdf_url"] = $"https://arxiv.org/pdf/{Id(i)}",
                ["source"] = "HTML",
                ["status"] = "ok",
                ["error"] = null,
                ["summaries"] = new JsonObject { ["brief"] = new JsonObject { ["summary"] = (i % 3 == 0 ? Hostile + " " : "") + summary } },
                ["unsupported_numbers"] = new JsonArray(),
            });
        }
        var root = new JsonObject
        {
            ["date"] = Date, ["lang"] = "zh", ["source_url"] = $"https://huggingface.co/papers/date/{Date}",
            ["styles"] = new JsonArray("brief"), ["papers"] = list,
        };
        var dir = Path.Combine(outDir, "daily", source ?? "");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, Date + ".json"), root.ToJsonString());
    }
}
