namespace PaperDigest.Tests.TestSupport;

/// <summary>
/// A test class that runs `daily --source` through the real CLI against a fake arXiv RSS server and a fake LLM on
/// 127.0.0.1 (nothing to read on arXiv: summaries from the abstracts), started before each test and stopped after it.
/// <see cref="StartedAsync"/> is where a class writes its configuration and library.
/// </summary>
public abstract class SourceFakesTest : IAsyncLifetime
{
    protected FakeArxivRssServer Rss { get; private set; } = null!;

    protected FakeLlmServer Llm { get; private set; } = null!;

    protected CliRunner Cli { get; } = new();

    public async Task InitializeAsync()
    {
        Rss = await FakeArxivRssServer.StartAsync();
        Llm = await FakeLlmServer.StartAsync();
        Cli.UseFakes(null, Llm);
        Cli.Env["ARXIV_RSS_URL"] = Rss.BaseUrl.ToString();
        Cli.Env["PAPERDIGEST_ARXIV__RETRY_DELAY_MS"] = "20";
        Cli.Env["PAPERDIGEST_READING__ARXIV_BASE_URL"] = "http://127.0.0.1:9/"; // nothing to read: the digest falls back to the abstracts
        await StartedAsync();
    }

    /// <summary>Runs once the fakes are up.</summary>
    protected abstract Task StartedAsync();

    public async Task DisposeAsync()
    {
        await Rss.DisposeAsync();
        await Llm.DisposeAsync();
        Cli.Dispose();
    }
}
