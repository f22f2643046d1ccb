using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Configuration;
using PaperDigest.Llm;
using PaperDigest.Publishing;
using PaperDigest.Sources;
using PaperDigest.Store;
using PaperDigest.Summaries;

namespace PaperDigest.Cli;

/// <summary>`paperdigest daily`: one day of Hugging Face Daily Papers into digests (fetch, summarize, publish).</summary>
internal static class DailyCommand
{
    private static readonly Option<string?> DateOption = new("--date") { Description = "The day, YYYY-MM-DD. Default: the latest day with papers (looking back up to 7 days)." };
    private static readonly Option<string[]> StyleOption = new("--style") { Description = "Digest style: brief, keywords or report (from the full text). Repeat for several. Default: brief.", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string?> InputOption = new("--input") { Description = "Read a saved api/daily_papers JSON array instead of the network." };
    private static readonly Option<int?> LimitOption = new("--limit") { Description = "At most N papers (the most upvoted)." };
    private static readonly Option<string?> LangOption = new("--lang") { Description = "Language of the summaries: zh (default) or en." };
    private static readonly Option<string?> OutOption = new("--out") { Description = "Output folder. Default: ./out" };

    public static Command Create(CliContext context)
    {
        var command = new Command("daily", "One day of Hugging Face Daily Papers into a digest: daily/<date>.<style>.md and daily/<date>.json.")
        {
            DateOption, StyleOption, InputOption, LimitOption, LangOption, OutOption,
        };
        command.SetAction((parse, ct) => RunAsync(parse, context, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliContext context, CancellationToken cancellationToken)
    {
        var (options, secrets) = CliApp.LoadConfiguration(parse, context);
        var date = ParseDate(parse.GetValue(DateOption));
        ApplyFlags(parse, options, context.WorkingDirectory);
        var styles = options.Digest.Styles.Select(s => SummaryStyles.Find(s)!).DistinctBy(s => s.Name).ToList();
        var input = parse.GetValue(InputOption);
        if (input is not null && !Path.IsPathRooted(input)) input = Path.Combine(context.WorkingDirectory, input);

        await using var services = context.Services(AppCommand.Daily, options, secrets);
        var clock = Stopwatch.StartNew();
        var runs = services.GetRequiredService<RunStore>();
        var runId = await runs.StartAsync("daily", cancellationToken);

        if (!options.IsLlmConfigured(secrets))
            await context.Error.WriteLineAsync("note: no LLM configured (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server); writing offline extractive summaries quoted from the abstracts.");

        FetchedDay day;
        try
        {
            var fetcher = services.GetRequiredService<DailyFetcher>();
            day = input is not null ? await fetcher.FetchFileAsync(input, date, cancellationToken) : await fetcher.FetchAsync(date, cancellationToken);
        }
        catch (SourceException)
        {
            await runs.FinishAsync(runId, "failed", new RunTotals(0, 0, 0, 0, 0, 0, 0, 0), CancellationToken.None);
            throw;
        }

        var papers = options.Digest.Limit > 0 ? day.Papers.Take(options.Digest.Limit).ToList() : day.Papers;
        await context.Error.WriteLineAsync($"{day.Date:yyyy-MM-dd}: {day.Papers.Count} papers from {day.Origin}{(papers.Count < day.Papers.Count ? $", the top {papers.Count} kept (--limit)" : "")}; styles: {string.Join(", ", styles.Select(s => s.Name))}; language: {options.Digest.Lang}.");

        var summarizer = services.GetRequiredService<BatchSummarizer>();
        var texts = services.GetRequiredService<PaperTextSource>();
        var concurrency = services.GetRequiredService<ISummaryWriter>().IsOffline ? Environment.ProcessorCount : options.Llm.Concurrency;
        var batch = await new ConsoleProgress(context).RunAsync("summarizing", papers.Count * styles.Count, progress =>
            summarizer.RunAsync(papers, styles, options.Digest.Lang, concurrency, (p, s, ct) => s.NeedsFullText && options.IsLlmConfigured(secrets) ? texts.ReadAsync(p, ct) : BatchSummarizer.FromAbstract(p), progress, cancellationToken));

        var publisher = services.GetRequiredService<DigestPublisher>();
        var digest = await publisher.BuildAsync(day.Date, styles, options.Digest.Lang, options.Digest.Limit, cancellationToken);
        var allFailed = digest.Entries.Count > 0 && digest.Entries.All(e => e.Failed);
        IReadOnlyList<string> files;
        try
        {
            files = allFailed ? [] : await DigestPublisher.WriteAsync(digest, styles, options.Digest.Out, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await runs.FinishAsync(runId, "failed", new RunTotals(digest.Entries.Count, 0, 0, batch.Cached, 0, 0, 0, 0), CancellationToken.None);
            throw; // the CLI says what could not be written; every summary is already stored
        }

        var usage = services.GetRequiredService<LlmUsage>();
        var failedPapers = digest.Entries.Where(e => e.Failed).ToList();
        var unsupported = digest.Entries.Sum(e => e.Unsupported.Count);
        var totals = new RunTotals(digest.Entries.Count, digest.Entries.Count - failedPapers.Count, failedPapers.Count, batch.Cached,
            (int)usage.Requests, usage.InputTokens, usage.OutputTokens, unsupported);
        await runs.FinishAsync(runId, allFailed ? "failed" : failedPapers.Count == 0 ? "ok" : "partial", totals, CancellationToken.None);

        foreach (var e in failedPapers)
            foreach (var (style, s) in e.Summaries.Where(kv => !kv.Value.IsOk))
                await context.Error.WriteLineAsync($"failed: {e.Paper.Id} ({style}) {e.Paper.Title}: {secrets.Redact(s.Error ?? "unknown error")}");

        if (allFailed)
        {
            await context.Error.WriteLineAsync($"error: every paper failed, so nothing was published (the files of {day.Date:yyyy-MM-dd} were left as they were). Check the LLM settings above; what did succeed is stored.");
            return ExitCodes.Failed;
        }
        await context.Out.WriteLineAsync(ClosingLine(day.Date, totals, clock.Elapsed, files, context.WorkingDirectory));
        return failedPapers.Count == 0 ? ExitCodes.Ok : ExitCodes.Partial;
    }

    internal static string ClosingLine(DateOnly date, RunTotals t, TimeSpan elapsed, IReadOnlyList<string> files, string workingDirectory) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Done {date:yyyy-MM-dd}: {t.Papers} papers, {t.Ok} ok, {t.Failed} failed; {t.Cached} summaries from the store; " +
            $"LLM {t.LlmRequests} requests, {t.InputTokens:N0} tokens in, {t.OutputTokens:N0} out; {t.Unsupported} unsupported numbers; " +
            $"{elapsed.TotalSeconds:F1} s. Wrote {string.Join(", ", files.Select(f => Path.GetRelativePath(workingDirectory, f)))}");

    private static DateOnly? ParseDate(string? text)
    {
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"--date must be a day as YYYY-MM-DD, e.g. 2026-02-03 (got '{text}').");
    }

    private static void ApplyFlags(ParseResult parse, AppOptions options, string workingDirectory)
    {
        if (parse.GetValue(StyleOption) is { Length: > 0 } styles)
        {
            var list = styles.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            foreach (var s in list.Where(s => SummaryStyles.Find(s) is null))
                throw new UsageException($"--style: unknown style '{s}' (known: {SummaryStyles.Names}).");
            options.Digest.Styles = list.Select(s => s.ToLowerInvariant()).ToList();
        }
        if (parse.GetValue(LangOption) is { } lang)
        {
            if (lang is not ("zh" or "en")) throw new UsageException($"--lang must be zh or en (got '{lang}').");
            options.Digest.Lang = lang;
        }
        if (parse.GetValue(LimitOption) is { } limit)
        {
            if (limit < 1) throw new UsageException($"--limit must be 1 or more (got {limit}).");
            options.Digest.Limit = limit;
        }
        if (parse.GetValue(OutOption) is { } outDir) options.Digest.Out = Path.Combine(workingDirectory, outDir);
    }
}
