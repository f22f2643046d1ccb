using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Configuration;
using PaperDigest.Listings;
using PaperDigest.Llm;
using PaperDigest.Papers;
using PaperDigest.Ranking;
using PaperDigest.Publishing;
using PaperDigest.Sources;
using PaperDigest.Store;
using PaperDigest.Summaries;

namespace PaperDigest.Cli;

/// <summary>`paperdigest daily`: one day of Hugging Face Daily Papers into digests (fetch, summarize, publish).</summary>
internal static class DailyCommand
{
    public static Command Create(CliContext context)
    {
        var flags = new Flags();
        var command = new Command("daily", "One day of Hugging Face Daily Papers into a digest: daily/<date>.<style>.md and daily/<date>.json.")
        {
            flags.Date, flags.Style, flags.Input, flags.Limit, flags.Lang, flags.Out, flags.Source,
        };
        command.Options.Add(flags.Notify);
        command.SetAction((parse, ct) => RunAsync(parse, flags, context, ct));
        return command;
    }

    /// <summary>This command's flags, made afresh for each command line (System.CommandLine gives an option a parent when it is added).</summary>
    private sealed class Flags
    {
        public Option<string?> Date { get; } = new("--date") { Description = "The day, YYYY-MM-DD. Default: the latest day with papers (looking back up to 7 days)." };
        public Option<string[]> Style { get; } = new("--style") { Description = "Digest style: brief, keywords or report (from the full text). Repeat for several. Default: brief.", AllowMultipleArgumentsPerToken = false };
        public Option<string?> Input { get; } = new("--input") { Description = "Read a saved api/daily_papers JSON array instead of the network." };
        public Option<int?> Limit { get; } = WholeNumberOption.Create("--limit", "At most N papers (the most upvoted).");
        public Option<string?> Lang { get; } = new("--lang") { Description = "Language of the summaries: zh (default) or en." };
        public Option<string?> Out { get; } = new("--out") { Description = "Output folder. Default: ./out" };
        public Option<bool> Notify { get; } = new("--notify") { Description = "After publishing, send the day by the channels of notify: (as `paperdigest notify`)." };
        public Option<string?> Source { get; } = new("--source") { Description = "A configured source (sources[].name, an arXiv listing): its digest under daily/<NAME>/, most relevant first." };
    }

    private static async Task<int> RunAsync(ParseResult parse, Flags flags, CliContext context, CancellationToken cancellationToken)
    {
        var (options, secrets) = CliApp.LoadConfiguration(parse, context);
        var date = ParseDate(parse.GetValue(flags.Date));
        var defaultLang = options.Digest.Lang; // digest.lang, before --lang: another language gets its own files
        ApplyFlags(parse, flags, options, context.WorkingDirectory);
        var styles = options.Digest.Styles.Select(s => SummaryStyles.Find(s)!).DistinctBy(s => s.Name).ToList();
        var input = InputFile.Resolve(parse.GetValue(flags.Input), "--input", context.WorkingDirectory);
        var source = FindSource(parse.GetValue(flags.Source), options, input is not null);
        if (options.Profile.Library is { Length: > 0 } library) options.Profile.Library = Path.Combine(context.WorkingDirectory, library);

        await using var services = context.Services(AppCommand.Daily, options, secrets);
        var clock = Stopwatch.StartNew();
        await using var run = await RunScope.StartAsync(services.GetRequiredService<RunStore>(), "daily", cancellationToken);

        if (!options.IsLlmConfigured(secrets))
            await context.Error.WriteLineAsync("note: no LLM configured (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server); writing offline extractive summaries quoted from the abstracts.");

        var fetcher = services.GetRequiredService<DailyFetcher>();
        IReadOnlyDictionary<string, PaperRelevance>? relevance = null;
        SourceDay? listing = null;
        FetchedDay day;
        if (source is not null)
        {
            listing = await services.GetRequiredService<ListingFetcher>().FetchAsync(source, cancellationToken);
            if (listing.Chosen.Count == 0)
            {
                await context.Error.WriteLineAsync(SourceDigest.NothingNew(source, listing));
                run.Complete("ok", RunTotals.None);
                return ExitCodes.Ok;
            }
            (day, relevance) = (new FetchedDay(listing.Date, listing.Papers, SourceDigest.Origin(source, listing)), listing.Relevance);
        }
        else
        {
            day = input is not null ? await fetcher.FetchFileAsync(input, date, cancellationToken) : await fetcher.FetchAsync(date, cancellationToken);
            if (options.Digest.Order == "relevance") (day, relevance) = await SourceDigest.ByRelevanceAsync(day, services.GetRequiredService<ProfileLoader>(), cancellationToken);
        }

        var papers = options.Digest.Limit > 0 ? day.Papers.Take(options.Digest.Limit).ToList() : day.Papers;
        await context.Error.WriteLineAsync($"{day.Date:yyyy-MM-dd}: {day.Papers.Count} papers from {day.Origin}{(papers.Count < day.Papers.Count ? $", the top {papers.Count} kept (--limit)" : "")}; styles: {string.Join(", ", styles.Select(s => s.Name))}; language: {options.Digest.Lang}.");

        var summarizer = services.GetRequiredService<BatchSummarizer>();
        var texts = services.GetRequiredService<PaperTextSource>();
        var concurrency = services.GetRequiredService<ISummaryWriter>().IsOffline ? Environment.ProcessorCount : options.Llm.Concurrency;
        var batch = await new ConsoleProgress(context).RunAsync("summarizing", papers.Count * styles.Count, progress =>
            summarizer.RunAsync(papers, styles, options.Digest.Lang, concurrency, texts.ReadForAsync, progress, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested(); // a cancelled batch is not a digest: what was summarized is stored

        var usage = services.GetRequiredService<LlmUsage>();
        var publisher = services.GetRequiredService<DigestPublisher>();
        var digest = await publisher.BuildAsync(day.Date, papers, styles, options.Digest.Lang, cancellationToken);
        if (relevance is not null) digest = digest with { Entries = digest.Entries.Select(e => e with { Relevance = relevance.GetValueOrDefault(e.Paper.Id.Id) }).ToList() };
        if (source is not null) digest = digest with { Origin = SourceDigest.DigestOrigin(source, options.Arxiv.RssUrl) };
        var failedPapers = digest.Entries.Where(e => e.Failed).ToList();
        // A style is published when any of its papers is ok (failures marked); a style with none leaves its old file alone.
        var published = digest.Entries.Count == 0 ? styles : styles.Where(s => DigestPublisher.HasAny(digest, s)).ToList();
        var allFailed = published.Count == 0;
        var totals = new RunTotals(digest.Entries.Count, digest.Entries.Count - failedPapers.Count, failedPapers.Count, batch.Cached,
            (int)usage.Requests, usage.InputTokens, usage.OutputTokens, digest.Entries.Sum(e => e.Unsupported.Count), usage.CachedInputTokens, usage.Cost(options.Llm.Prices));
        run.Totals = totals;
        // An output that cannot be written throws: the run is recorded as failed and the CLI says what; every summary is already stored.
        IReadOnlyList<string> files = allFailed ? [] : await publisher.WriteAsync(digest, published, options.Digest.Out, defaultLang, cancellationToken, source?.Name);
        if (listing is not null && !allFailed) await services.GetRequiredService<ListingFetcher>().RecordAsync(source!, listing, cancellationToken);
        run.Complete(allFailed ? "failed" : failedPapers.Count == 0 ? "ok" : "partial", totals);

        foreach (var e in failedPapers)
            foreach (var (style, s) in e.Summaries.Where(kv => !kv.Value.IsOk))
                await context.Error.WriteLineAsync($"failed: {e.Paper.Id} ({style}) {e.Paper.Title}: {secrets.Redact(s.Error ?? "unknown error")}");

        foreach (var style in styles.Except(published).Where(_ => !allFailed))
            await context.Error.WriteLineAsync($"not published: {style.Name}: every paper failed (its file of {day.Date:yyyy-MM-dd} was left as it was); the other styles were published.");
        if (allFailed)
        {
            await context.Error.WriteLineAsync($"error: every paper failed, so nothing was published (the files of {day.Date:yyyy-MM-dd} were left as they were). Check the LLM settings above; what did succeed is stored.");
            return ExitCodes.Failed;
        }
        await context.Out.WriteLineAsync(ClosingLine(day.Date, totals, clock.Elapsed, files, context.WorkingDirectory));
        var notified = parse.GetValue(flags.Notify) ? await NotifyCommand.SendAsync(services, options, secrets, day.Date, null, null, false, context, cancellationToken) : ExitCodes.Ok;
        return failedPapers.Count == 0 && notified == ExitCodes.Ok ? ExitCodes.Ok : ExitCodes.Partial;
    }

    internal static string ClosingLine(DateOnly date, RunTotals t, TimeSpan elapsed, IReadOnlyList<string> files, string workingDirectory) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Done {date:yyyy-MM-dd}: {t.Papers} papers, {t.Ok} ok, {t.Failed} failed; {t.Cached} summaries from the store; " +
            $"LLM {t.LlmRequests} requests, {t.InputTokens:N0} tokens in{(t.CachedInputTokens > 0 ? $" ({t.CachedInputTokens:N0} cached)" : "")}, {t.OutputTokens:N0} out{(t.Cost is { } cost ? $", cost {cost:0.####}" : "")}; {t.Unsupported} unsupported numbers; " +
            $"{elapsed.TotalSeconds:F1} s. Wrote {string.Join(", ", files.Select(f => Path.GetRelativePath(workingDirectory, f)))}");

    private static SourceOptions? FindSource(string? name, AppOptions options, bool hasInput)
    {
        if (name is null) return null;
        if (hasInput) throw new UsageException("--input reads a saved Hugging Face response; it cannot be combined with --source.");
        return options.Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException(options.Sources.Count == 0
                ? $"--source: no sources are configured; add one under 'sources:' (name, arxiv_categories, announce, top) to use '{name}'."
                : $"--source: unknown source '{name}' (configured: {string.Join(", ", options.Sources.Select(s => s.Name))}).");
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"--date must be a day as YYYY-MM-DD, e.g. 2026-02-03 (got '{text}').");
    }

    private static void ApplyFlags(ParseResult parse, Flags flags, AppOptions options, string workingDirectory)
    {
        if (parse.GetValue(flags.Style) is { Length: > 0 } styles)
        {
            var list = styles.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            foreach (var s in list.Where(s => SummaryStyles.Find(s) is null))
                throw new UsageException($"--style: unknown style '{s}' (known: {SummaryStyles.Names}).");
            options.Digest.Styles = list.Select(s => s.ToLowerInvariant()).ToList();
        }
        if (parse.GetValue(flags.Lang) is { } lang)
        {
            if (lang is not ("zh" or "en")) throw new UsageException($"--lang must be zh or en (got '{lang}').");
            options.Digest.Lang = lang;
        }
        if (parse.GetValue(flags.Limit) is { } limit)
        {
            if (limit < 1) throw new UsageException($"--limit must be 1 or more (got {limit}).");
            options.Digest.Limit = limit;
        }
        if (parse.GetValue(flags.Out) is { } outDir) options.Digest.Out = Path.Combine(workingDirectory, outDir);
    }
}
