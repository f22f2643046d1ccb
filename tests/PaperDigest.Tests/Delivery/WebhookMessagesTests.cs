using System.Text;
using PaperDigest.Delivery;

namespace PaperDigest.Tests.Delivery;

public sealed class WebhookMessagesTests
{
    private static DeliveryDigest Digest(params DeliveryPaper[] papers) =>
        new(new DateOnly(2026, 2, 3), "huggingface", "brief", "zh", papers, null);

    [Theory]
    [InlineData("wecom")]
    [InlineData("discord")]
    [InlineData("telegram")]
    [InlineData("slack")]
    public void Bodies_OnePaperOverTheLimit_SummaryCutTitleAndLinkKept(string service)
    {
        var type = Enum.Parse<WebhookType>(service, ignoreCase: true);
        // Given one paper whose summary alone is far over every limit
        var paper = new DeliveryPaper("2602.00001", "A Very Long Paper", "https://arxiv.org/pdf/2602.00001", [new string('长', 9000)]);

        // When
        var bodies = WebhookMessages.Bodies(new WebhookOptions { Type = type, Url = "http://127.0.0.1/", ChatId = "1" }, Digest(paper));

        // Then one message, within the limit, with the title and its link
        var body = Assert.Single(bodies).ToJsonString();
        Assert.Contains("A Very Long Paper", body);
        Assert.Contains("2602.00001", body);
        var text = type switch
        {
            WebhookType.Wecom => (string)bodies[0]["markdown"]!["content"]!,
            WebhookType.Discord => (string)bodies[0]["content"]!,
            WebhookType.Telegram => (string)bodies[0]["text"]!,
            _ => (string)bodies[0]["blocks"]![1]!["text"]!["text"]!,
        };
        Assert.EndsWith("…", text.Split('\n').First(l => l.Contains('长', StringComparison.Ordinal)).TrimEnd());
        var limit = type switch { WebhookType.Wecom => 4096, WebhookType.Discord => 2000, WebhookType.Telegram => 4096, _ => 3000 };
        Assert.InRange(type == WebhookType.Wecom ? Encoding.UTF8.GetByteCount(text) : text.Length, 1, limit);
    }

    [Fact]
    public void Bodies_SixtySlackPapers_SplitUnderFiftyBlocksEveryPaperOnce()
    {
        var papers = Enumerable.Range(0, 60).Select(i => new DeliveryPaper($"2602.{i:D5}", $"T{i}", $"https://arxiv.org/pdf/2602.{i:D5}", ["s"])).ToArray();

        var bodies = WebhookMessages.Bodies(new WebhookOptions { Type = WebhookType.Slack, Url = "http://127.0.0.1/" }, Digest(papers));

        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, b => Assert.InRange(b["blocks"]!.AsArray().Count, 1, 50));
        Assert.Equal(60, bodies.Sum(b => b["blocks"]!.AsArray().Count - 1));
        Assert.Contains("(1/2)", (string)bodies[0]["text"]!);
    }

    [Fact]
    public void Markdown_Injection_Escaped()
    {
        Assert.Equal("\\[x\\]\\(javascript:alert\\(1\\)\\) \\*b\\* \\<i\\>", ChatText.Markdown("[x](javascript:alert(1)) *b* <i>"));
        Assert.Equal("https://arxiv.org/", ChatText.SafeUrl("javascript:alert(1)"));
        Assert.Equal("&lt;!channel&gt; &amp;", ChatText.Slack("<!channel> &"));
    }

    [Fact]
    public void Signers_KnownVectors_MatchTheServicesSchemes()
    {
        // Recomputed independently: Feishu keys HMAC with "timestamp\nsecret" over nothing; DingTalk keys with the secret over it.
        using var feishu = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("1700000000\nsec"));
        Assert.Equal(Convert.ToBase64String(feishu.ComputeHash([])), WebhookSigner.Feishu(1700000000, "sec"));
        using var ding = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("sec"));
        Assert.Equal(Convert.ToBase64String(ding.ComputeHash(Encoding.UTF8.GetBytes("1700000000000\nsec"))), WebhookSigner.DingTalk(1700000000000, "sec"));
        Assert.NotEqual(WebhookSigner.Feishu(1700000000, "sec"), WebhookSigner.Feishu(1700000001, "sec"));
    }
}
