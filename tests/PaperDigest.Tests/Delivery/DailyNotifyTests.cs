using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Delivery;

public sealed class DailyNotifyTests : IAsyncLifetime, IDisposable
{
    private readonly CliRunner _cli = new();
    private FakeChatServer _chat = null!;

    public async Task InitializeAsync()
    {
        _chat = await FakeChatServer.StartAsync();
        _cli.Env["TELEGRAM_BOT_TOKEN"] = FakeChatServer.TelegramToken;
        _cli.Env["ARXIV_BASE_URL"] = ClosedPort.BaseUrl().ToString(); // offline: no LLM, no arXiv pages (refused at once: the abstract is read)
        File.WriteAllText(Path.Combine(_cli.Dir, "paperdigest.yml"),
            $"notify:\n  webhooks:\n    - {{ type: telegram, url: \"{_chat.BaseAddress}\", chat_id: \"-100123\" }}\n");
    }

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    [FixtureFact]
    public async Task DailyNotify_AfterPublishing_SendsTheDayOnce()
    {
        // Given a saved day, summarized offline
        var input = Fixtures.Path_("hf_daily_papers/daily_papers_2026-07-21.json");

        // When daily runs with --notify, twice
        var first = await _cli.RunAsync("daily", "--input", input, "--limit", "2", "--lang", "en", "--notify");
        var second = await _cli.RunAsync("daily", "--input", input, "--limit", "2", "--lang", "en", "--notify");

        // Then the day went to Telegram once, with both papers
        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        Assert.Contains("Notified 2026-07-21: 1 sent", first.Out);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 sent, 1 already sent", second.Out);
        var message = (string)Assert.Single(_chat.Of("telegram"))["text"]!;
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(message, "<a href=\"https://arxiv.org/pdf/").Count);
        Assert.DoesNotContain(FakeChatServer.TelegramToken, first.Out + first.Error);
    }
}
