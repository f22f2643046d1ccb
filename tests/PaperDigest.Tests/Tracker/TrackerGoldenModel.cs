using PaperDigest.Papers;
using PaperDigest.Tracker;

namespace PaperDigest.Tests.Tracker;

/// <summary>The small hand-built tracker behind the golden files in Golden/Tracker/.</summary>
internal static class TrackerGoldenModel
{
    public static TrackerPage Page() => new(
        new DateOnly(2025, 9, 29),
        [
            new TrackerTopic("多模态",
            [
                // Given out of order on purpose: the renderer sorts newest first by id.
                new TrackerRow(ArxivId.Parse("2509.22651"), "VoiceAssistant-Eval: Listening | Speaking | Viewing",
                    new DateOnly(2025, 9, 26), null, "A benchmark with 10,497 examples | 13 tasks."),
                new TrackerRow(ArxivId.Parse("2509.22653v2"), "See, Point, Fly: A Learning-Free VLM Framework",
                    new DateOnly(2025, 9, 26), "https://github.com/Hu-chih-yao/see-point-fly", "我们提出了视、指、飞 (SPF) 框架。\n  第二行",
                    "We present See, Point, Fly (SPF), a \"training-free\" framework.", Stars: 128),
            ]),
            new TrackerTopic("Transformer",
            [
                new TrackerRow(ArxivId.Parse("2509.20001"), "Attention Is Still\nAll You Need",
                    new DateOnly(2025, 9, 24), "https://huggingface.co/spaces/org/demo", "Short."),
            ]),
        ]);

    public static string Golden(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "Tracker", name));
}
