using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Configuration;
using PaperDigest.Llm;
using PaperDigest.Ranking;
using PaperDigest.Sources;
using PaperDigest.Store;

namespace PaperDigest.Cli;

/// <summary>
/// `paperdigest doctor`: the configuration, the store, Hugging Face, arXiv and the LLM, one small request each, one plain
/// line per check (ok / FAIL and what to do). Exit 0 when what `daily` needs works, else 1. Never prints a key.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("doctor", "Checks the configuration, the store, Hugging Face, arXiv and the LLM (one small request each) and says what works. Exit 0 when `daily` can run, else 1.");
        command.SetAction((parse, ct) => RunAsync(parse, context, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliContext context, CancellationToken cancellationToken)
    {
        var output = context.Out;
        AppOptions options;
        Secrets secrets;
        try
        {
            (options, secrets) = CliApp.LoadConfiguration(parse, context);
        }
        catch (ConfigurationException ex)
        {
            await output.WriteLineAsync($"FAIL configuration: {ex.Message}; fix that key and run `paperdigest doctor` again");
            return ExitCodes.Failed;
        }
        await output.WriteLineAsync($"ok   configuration: {ConfigurationSource(parse, context)}");

        var needed = true;
        var store = await CheckStoreAsync(options.Store.Path, cancellationToken);
        await output.WriteLineAsync(store.Line);
        needed &= store.Ok;

        await using var services = context.Services(AppCommand.Doctor, options, secrets);
        var today = DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime);
        var hf = await CheckHuggingFaceAsync(services.GetRequiredService<HuggingFaceDailyClient>(), options.HuggingFace.Endpoint, today, cancellationToken);
        await output.WriteLineAsync(hf.Line);
        needed &= hf.Ok;

        // `daily` reads arXiv's pages, not its query API: a failing API is said, but only `track` and `paper` need it.
        await output.WriteLineAsync(await CheckArxivAsync(services.GetRequiredService<ArxivApiClient>(), options.Arxiv.ApiUrl, cancellationToken));

        if (!options.IsLlmConfigured(secrets))
        {
            await output.WriteLineAsync("ok   LLM: not configured (neither OPENAI_API_KEY nor OPENAI_BASE_URL is set); `daily` will run offline, with the extractive summarizer");
        }
        else if (!store.Ok)
        {
            await output.WriteLineAsync("FAIL LLM: not checked, because the store above must work first (the working request shape is remembered there)");
            needed = false;
        }
        else
        {
            var llm = services.GetRequiredService<LlmClient>();
            var lines = await CheckLlmAsync(llm, options.Llm.BaseUrl, options.Digest.Lang, context.Time, cancellationToken);
            foreach (var (ok, line) in lines)
            {
                await output.WriteLineAsync(llm.Redact(line));
                needed &= ok;
            }
            if (services.GetService<EmbeddingsClient>() is { } embeddings)
                await output.WriteLineAsync(llm.Redact(await CheckEmbeddingsAsync(embeddings, context.Time, cancellationToken)));
        }

        await output.WriteLineAsync(needed ? "`daily` can run." : "`daily` cannot run as configured: fix the FAIL lines above.");
        return needed ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static string ConfigurationSource(ParseResult parse, CliContext context)
    {
        var file = parse.GetValue<string?>("--config");
        if (file is not null) return $"{file} read (and the environment)";
        return File.Exists(Path.Combine(context.WorkingDirectory, AppOptionsReader.DefaultFileName))
            ? $"{AppOptionsReader.DefaultFileName} read (and the environment)"
            : $"no {AppOptionsReader.DefaultFileName} here; built-in defaults and the environment";
    }

    private sealed record Check(bool Ok, string Line);

    /// <summary>The store's path, its schema version against this build's, and whether it (or its folder) can be written. Nothing is created.</summary>
    private static async Task<Check> CheckStoreAsync(string path, CancellationToken cancellationToken)
    {
        var known = StoreMigrations.All.Count;
        path = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(path) ?? ".";
        if (!File.Exists(path))
        {
            var existing = dir;
            while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent) existing = parent;
            return CanWriteIn(existing)
                ? new(true, $"ok   store: {path} does not exist yet; it will be created (schema version {known}) by the first run that needs it")
                : new(false, $"FAIL store: {path} does not exist and {existing} is not writable; set PAPERDIGEST_DB (or store.path) to a writable place");
        }
        long version;
        try
        {
            var readOnly = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            await using var connection = new SqliteConnection(readOnly);
            await connection.OpenAsync(cancellationToken);
            await using var read = connection.CreateCommand();
            read.CommandText = "PRAGMA user_version;";
            version = (long)(await read.ExecuteScalarAsync(cancellationToken) ?? 0L);
        }
        catch (SqliteException ex)
        {
            return new(false, $"FAIL store: {path} is not a readable PaperDigest database ({ex.Message}); set PAPERDIGEST_DB (or store.path) to the store `daily` writes");
        }
        if (version > known)
            return new(false, $"FAIL store: {path} has schema version {version}, newer than this PaperDigest knows ({known}); upgrade PaperDigest or set PAPERDIGEST_DB to another file");
        if (!CanWrite(path) || !CanWriteIn(dir))
            return new(false, $"FAIL store: {path} (schema version {version}) cannot be written; fix its permissions (and its folder's) or set PAPERDIGEST_DB");
        var upgrade = version < known ? $"; the next run upgrades it to {known}" : "";
        return new(true, $"ok   store: {path}, schema version {version} (this PaperDigest: {known}){upgrade}, writable");
    }

    private static bool CanWrite(string file)
    {
        try
        {
            using var _ = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool CanWriteIn(string dir)
    {
        var probe = Path.Combine(dir, $".paperdigest-doctor-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose)) { }
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task<Check> CheckHuggingFaceAsync(HuggingFaceDailyClient client, string endpoint, DateOnly today, CancellationToken cancellationToken)
    {
        try
        {
            var papers = await client.GetDayAsync(today, cancellationToken);
            return new(true, $"ok   Hugging Face: {endpoint} answered the daily papers of {today:yyyy-MM-dd} ({papers.Count} papers)");
        }
        catch (SourceException ex)
        {
            return new(false, $"FAIL Hugging Face: {ex.Message} (or the network; for a mirror, set huggingface.endpoint)");
        }
    }

    private static async Task<string> CheckArxivAsync(ArxivApiClient client, string apiUrl, CancellationToken cancellationToken)
    {
        try
        {
            var found = 0;
            await foreach (var _ in client.SearchAsync("cat:cs.AI", 1, cancellationToken)) found++;
            return $"ok   arXiv: {apiUrl} answered a query ({found} result with max_results=1)";
        }
        catch (Exception ex) when (ex is HttpRequestException or SourceException or ArxivQueryException or ArxivFeedFormatException)
        {
            return $"FAIL arXiv: {ex.Message} (or the network); `track` and `paper` need it, `daily` does not";
        }
    }

    /// <summary>
    /// llm.embeddings_model: one tiny input. Not needed for `daily` (a failing endpoint ranks with the offline model), so a
    /// failure is said with what to fix but does not fail the doctor.
    /// </summary>
    private static async Task<string> CheckEmbeddingsAsync(EmbeddingsClient embeddings, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var vectors = await embeddings.EmbedAsync(["PaperDigest doctor: embeddings check"], cancellationToken);
            var ms = time.GetElapsedTime(started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
            return $"ok   LLM embeddings: {embeddings.Model} answered in {ms} ms ({vectors[0].Length} dimensions); `daily --source` ranks by embeddings";
        }
        catch (LlmException ex)
        {
            return $"FAIL LLM embeddings: {embeddings.Model}: {ex.Message.TrimEnd('.', ' ')}; {ProfileLoader.Fix(ex)}; until then `daily --source` ranks with the offline model";
        }
    }

    private static async Task<IReadOnlyList<(bool Ok, string Line)>> CheckLlmAsync(LlmClient llm, string? baseUrl, string lang, TimeProvider time, CancellationToken cancellationToken)
    {
        var endpoint = string.IsNullOrEmpty(baseUrl) ? "https://api.openai.com/v1" : baseUrl;
        var result = await LlmProbe.RunAsync(llm, lang, time, cancellationToken);
        var ms = result.Latency.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        if (result.Problem is { } problem)
            return [(false, $"FAIL LLM: {endpoint} ({llm.Model}): {problem}")];
        var language = lang == "en" ? "English" : "Chinese";
        return
        [
            (true, $"ok   LLM: {endpoint} reachable, key accepted, model {llm.Model} known; answered in {ms} ms"),
            (true, $"ok   LLM structured output: {ProviderMode.Name(result.Mode.Structured)} works ({LlmClient.Describe(result.Mode)}; remembered for `daily`)"),
            result.LanguageProblem is { } wrong
                ? (false, $"FAIL LLM language: asked for {language} (digest.lang {lang}), but {wrong}; choose a model that writes {language} (llm.model)")
                : (true, $"ok   LLM language: the reply came in {language} (digest.lang {lang})"),
            result.UsageReported
                ? (true, $"ok   LLM usage: reported{(result.CachedInputTokens > 0 ? $", with cached prompt tokens ({result.CachedInputTokens})" : "; cached prompt tokens not reported (or none cached yet)")}")
                : (true, "ok   LLM usage: not reported by this provider; token counts and llm.prices costs will show 0"),
        ];
    }
}
