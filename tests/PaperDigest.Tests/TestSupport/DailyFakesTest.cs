namespace PaperDigest.Tests.TestSupport;

/// <summary>
/// A test class that runs the real CLI against a fake Hugging Face and a fake LLM on 127.0.0.1, started before each
/// test and stopped after it. <see cref="StartedAsync"/> is where a class sets its day or its provider.
/// </summary>
public abstract class DailyFakesTest : IAsyncLifetime
{
    protected FakeHuggingFaceServer HfServer { get; private set; } = null!;

    protected FakeLlmServer LlmServer { get; private set; } = null!;

    protected CliRunner Cli { get; } = new();

    public async Task InitializeAsync()
    {
        HfServer = await FakeHuggingFaceServer.StartAsync();
        LlmServer = await FakeLlmServer.StartAsync();
        Cli.UseFakes(HfServer, LlmServer);
        await StartedAsync();
    }

    /// <summary>Runs once the fakes are up.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await HfServer.DisposeAsync();
        await LlmServer.DisposeAsync();
        Cli.Dispose();
    }
}
