using System.Text.Json.Nodes;
using MimeKit;
using PaperDigest.Store;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Delivery;

public sealed class NotifyCommandTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] Services = ["feishu", "dingtalk", "wecom", "slack", "discord", "telegram"];
    private readonly CliRunner _cli = new();
    private FakeSmtpServer _smtp = null!;
    private FakeChatServer _chat = null!;

    public async Task InitializeAsync()
    {
        _smtp = FakeSmtpServer.Start();
        _chat = await FakeChatServer.StartAsync();
        _cli.Env["PAPERDIGEST_SMTP_PASSWORD"] = FakeSmtpServer.Password;
        _cli.Env["TELEGRAM_BOT_TOKEN"] = FakeChatServer.TelegramToken;
        _cli.Env["PAPERDIGEST_NOTIFY__RETRY_DELAY_MS"] = "10";
        SqliteStore.Open(_cli.DbPath);
    }

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    public void Dispose()
    {
        _smtp.Dispose();
        _cli.Dispose();
    }

    private void Configure(string feishuSecret = FakeChatServer.FeishuSecret, string baseUrl = "https://me.example.org/digest/")
    {
        var b = _chat.BaseAddress;
        File.WriteAllText(Path.Combine(_cli.Dir, "paperdigest.yml"), $"""
            web:
              base_url: {baseUrl}
            notify:
              email: {"{"} host: 127.0.0.1, port: {_smtp.Port}, security: none, from: d@example.org, to: [me@example.org, you@example.org], username: {FakeSmtpServer.User} {"}"}
              webhooks:
                - {"{"} type: feishu, url: "{b}feishu/open-apis/bot/v2/hook/FEISHU-HOOK-TOKEN", secret: "{feishuSecret}" {"}"}
                - {"{"} type: dingtalk, url: "{b}dingtalk/robot/send?access_token=DING-HOOK-TOKEN", secret: "{FakeChatServer.DingTalkSecret}" {"}"}
                - {"{"} type: wecom, url: "{b}wecom/send?key=WECOM-HOOK-TOKEN" {"}"}
                - {"{"} type: slack, url: "{b}slack/services/T000/B000/SLACK-HOOK-TOKEN" {"}"}
                - {"{"} type: discord, url: "{b}discord/api/webhooks/1/DISCORD-HOOK-TOKEN" {"}"}
                - {"{"} type: telegram, url: "{b}", chat_id: "-100123" {"}"}
            """);
    }

    private string[] Secrets => [FakeSmtpServer.Password, FakeChatServer.TelegramToken, FakeChatServer.FeishuSecret, FakeChatServer.DingTalkSecret,
        "FEISHU-HOOK-TOKEN", "DING-HOOK-TOKEN", "WECOM-HOOK-TOKEN", "SLACK-HOOK-TOKEN", "DISCORD-HOOK-TOKEN"];

    private static string Text(string service, JsonObject m) => service switch
    {
        "wecom" => (string)m["markdown"]!["content"]!,
        "dingtalk" => (string)m["markdown"]!["text"]!,
        "discord" => (string)m["content"]!,
        "telegram" => (string)m["text"]!,
        _ => m.ToJsonString(),
    };

    [Fact]
    public async Task Notify_SixWebhooksAndEmail_EveryPaperDeliveredOnceEscapedAndSigned()
    {
        // Given a published day of 40 papers, longer than WeCom's, Discord's and Telegram's limits
        NotifySamples.WriteDay(Path.Combine(_cli.Dir, "out"), 40);
        Configure();

        // When it is sent
        var result = await _cli.RunAsync("notify", "--date", NotifySamples.Date);

        // Then every channel took it, nothing was refused, and no secret shows
        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        Assert.Empty(_chat.Refusals);
        Assert.Contains("7 sent, 0 already sent, 0 failed", result.Out);
        foreach (var s in Secrets) Assert.DoesNotContain(s, result.Out + result.Error);

        // The email: multipart/alternative, plain + HTML, dated UTF-8 subject, every title linked, nothing executable
        var mail = Assert.Single(_smtp.Messages());
        Assert.Contains(NotifySamples.Date, mail.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType).ToArray());
        Assert.Equal(2, mail.To.Count);
        var html = mail.HtmlBody;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:alert(1)\"", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("style=\"", html);
        Assert.Contains("href=\"https://me.example.org/digest/daily/2026-02-03/\"", html);
        for (var i = 0; i < 40; i++)
        {
            Assert.Contains($"href=\"https://arxiv.org/pdf/{NotifySamples.Id(i)}\">Paper {i}: ", html);
            Assert.Contains($"Paper {i}: ", mail.TextBody);
        }

        // Each webhook: all 40 papers, each exactly once, split where the service needs it, with the day's page
        foreach (var service in Services)
        {
            var messages = _chat.Of(service);
            var all = string.Join("\n", messages.Select(m => Text(service, m)));
            for (var i = 0; i < 40; i++) Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, NotifySamples.Id(i) + "(?![0-9])"));
            Assert.Contains("me.example.org/digest/daily/2026-02-03/", all);
            if (service is "wecom" or "discord" or "telegram") Assert.True(messages.Count > 1, $"{service} was not split");
        }
        Assert.All(_chat.Of("discord"), m => Assert.Empty(m["allowed_mentions"]!["parse"]!.AsArray()));
        Assert.DoesNotContain("<!channel>", string.Join("", _chat.Of("slack").Select(m => m.ToJsonString())));
        Assert.DoesNotContain("<script>", string.Join("", _chat.Of("telegram").Select(m => (string)m["text"]!)));
    }

    [Fact]
    public async Task Notify_Rerun_SendsNothingUnlessForced()
    {
        NotifySamples.WriteDay(Path.Combine(_cli.Dir, "out"), 3);
        Configure();
        Assert.Equal(0, (await _cli.RunAsync("notify", "--date", NotifySamples.Date)).ExitCode);
        var requests = _chat.Requests.Count;

        var again = await _cli.RunAsync("notify", "--date", NotifySamples.Date);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 sent, 7 already sent", again.Out);
        Assert.Equal(requests, _chat.Requests.Count);
        Assert.Single(_smtp.Messages());

        var forced = await _cli.RunAsync("notify", "--date", NotifySamples.Date, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(2, _smtp.Messages().Count);
        Assert.Equal(requests * 2, _chat.Requests.Count);
    }

    [Fact]
    public async Task Notify_OneChannelDown_RetriedNamedOthersStillGetItExit3()
    {
        NotifySamples.WriteDay(Path.Combine(_cli.Dir, "out"), 3);
        Configure();
        _chat.Break("slack");
        _chat.Break("telegram"); // its address holds the bot token

        var result = await _cli.RunAsync("notify", "--date", NotifySamples.Date);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("failed: slack (notify.webhooks[3])", result.Error);
        Assert.Contains("failed: telegram (notify.webhooks[5])", result.Error);
        Assert.Equal(4, _chat.Requests.Count(r => r.PathAndQuery.StartsWith("/slack/", StringComparison.Ordinal))); // 1 + notify.retries (3)
        foreach (var s in Secrets) Assert.DoesNotContain(s, result.Out + result.Error);
        foreach (var service in Services.Where(s => s is not ("slack" or "telegram"))) Assert.NotEmpty(_chat.Of(service));
        Assert.Single(_smtp.Messages());

        // A later run sends only what failed
        _chat.Fail("slack", 0, 500);
        _chat.Fail("telegram", 0, 500);
        var later = await _cli.RunAsync("notify", "--date", NotifySamples.Date);
        Assert.Equal(0, later.ExitCode);
        Assert.Contains("2 sent, 5 already sent", later.Out);
        Assert.Single(_chat.Of("slack"));
        Assert.Single(_chat.Of("telegram"));
    }

    [Fact]
    public async Task Notify_WrongFeishuSecret_ServiceCodeNamedSecretNot()
    {
        NotifySamples.WriteDay(Path.Combine(_cli.Dir, "out"), 2);
        Configure(feishuSecret: "wrong-SECRET-value");

        var result = await _cli.RunAsync("notify", "--date", NotifySamples.Date);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("failed: feishu (notify.webhooks[0])", result.Error);
        Assert.Contains("19021", result.Error);
        Assert.DoesNotContain("wrong-SECRET-value", result.Error + result.Out);
        Assert.NotEmpty(_chat.Of("telegram"));
    }

    [Fact]
    public async Task Notify_429Once_RetriedByTheRemoteAndSent()
    {
        NotifySamples.WriteDay(Path.Combine(_cli.Dir, "out"), 2);
        Configure();
        _chat.Fail("telegram", 1, 429);

        var result = await _cli.RunAsync("notify", "--date", NotifySamples.Date);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Single(_chat.Of("telegram"));
        Assert.Equal(2, _chat.Requests.Count(r => r.PathAndQuery.StartsWith("/bot", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Notify_NothingPublished_Exit1NamesTheDay()
    {
        Directory.CreateDirectory(Path.Combine(_cli.Dir, "out", "daily"));
        Configure();

        var result = await _cli.RunAsync("notify", "--date", "2026-01-01");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing published for 2026-01-01", result.Error);
    }

    [Fact]
    public async Task Notify_BadWebhookType_Exit2NamesTheKey()
    {
        NotifySamples.WriteDay(Path.Combine(_cli.Dir, "out"), 1);
        File.WriteAllText(Path.Combine(_cli.Dir, "paperdigest.yml"), "notify:\n  webhooks:\n    - { type: icq, url: \"http://127.0.0.1:1/\" }\n");

        var result = await _cli.RunAsync("notify");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("notify.webhooks[].type", result.Error);
    }
}
