using PaperDigest;
using PaperDigest.Cli;

namespace PaperDigest.Tests.TestSupport;

/// <summary>The result of one in-process CLI run.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>
/// Runs the real CLI in-process, in a temp working directory of its own, with only the environment a test gives
/// (never the developer's OPENAI_API_KEY). Files land in <see cref="Dir"/>.
/// </summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Dir = Path.Combine(Path.GetTempPath(), "paperdigest-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    public Dictionary<string, string> Env { get; } = new(StringComparer.Ordinal);

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public string DbPath => Path.Combine(Dir, "paperdigest.db");

    public string OutPath(string relative) => Path.Combine(Dir, "out", relative);

    /// <summary>Points the CLI at fake servers, with fast retries.</summary>
    public CliRunner UseFakes(FakeHuggingFaceServer? hf, FakeLlmServer? llm, string? apiKey = "sk-test-SECRET-0123456789")
    {
        if (hf is not null)
        {
            Env["HF_ENDPOINT"] = hf.BaseUrl.ToString();
            Env["PAPERDIGEST_HUGGINGFACE__RETRY_DELAY_MS"] = "20";
            Env["PAPERDIGEST_HUGGINGFACE__RETRIES"] = "2";
            // arXiv pages (daily reads the full text): the HF fake answers 404, so papers fall back to their abstracts unless a test serves pages.
            Env.TryAdd("ARXIV_BASE_URL", hf.BaseUrl.ToString());
            Env.TryAdd("PAPERDIGEST_READING__REQUESTS_PER_SECOND", "100");
            Env.TryAdd("PAPERDIGEST_READING__CONNECTIONS", "4");
        }
        if (llm is not null)
        {
            Env["OPENAI_BASE_URL"] = llm.BaseUrl.ToString();
            Env["PAPERDIGEST_LLM__RETRY_DELAY_MS"] = "20";
            Env["PAPERDIGEST_LLM__HTTP_RETRIES"] = "2";
            if (apiKey is not null) Env["OPENAI_API_KEY"] = apiKey;
        }
        return this;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, Env, Dir, Time, Interactive: false, Composition.Register);
        var code = await CliApp.RunAsync(args, context, CancellationToken.None);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
