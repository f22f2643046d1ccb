using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Llm;
using PaperDigest.Papers;
using PaperDigest.Store;
using PaperDigest.Tracker;

namespace PaperDigest.Cli;

/// <summary>`paperdigest track`: runs the topic queries, merges them into the stored history, finds code, translates abstracts, writes the pages.</summary>
internal static class TrackCommand
{
    public static Command Create(CliContext context)
    {
        var outOption = new Option<string?>("--out") { Description = "Output folder for README.md and docs/. Default: tracker.out (the working directory)." };
        var command = new Command("track", "The arXiv topic tracker: README.md, docs/index.md and docs/papers.json, one table per topic.") { outOption };
        command.SetAction((parse, ct) => RunAsync(parse, outOption, context, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<string?> outOption, CliContext context, CancellationToken cancellationToken)
    {
        var (options, secrets) = CliApp.LoadConfiguration(parse, context);
        var outDir = Path.Combine(context.WorkingDirectory, parse.GetValue(outOption) ?? options.Tracker.Out);
        var lang = options.Tracker.Lang ?? options.Digest.Lang;
        var topics = options.Tracker.EffectiveTopics();
        var translate = options.Tracker.TranslateAbstracts && options.IsLlmConfigured(secrets);

        await using var services = context.Services(AppCommand.Track, options, secrets);
        var clock = Stopwatch.StartNew();
        await using var run = await RunScope.StartAsync(services.GetRequiredService<RunStore>(), "track", cancellationToken);
        if (options.Tracker.TranslateAbstracts && !translate)
            await context.Error.WriteLineAsync("note: no LLM configured (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server); abstracts are shown as arXiv has them.");

        // 0. A store with no tracker history (an evicted CI cache, a new machine) carries on from the page already written.
        var papersJson = Path.Combine(outDir, "docs", "papers.json");
        try
        {
            if (await services.GetRequiredService<TrackerSeeder>().SeedIfEmptyAsync(papersJson, lang, options.Llm.Model, cancellationToken) is { } seeded)
                await context.Error.WriteLineAsync($"seeded: the store had no tracker history, so it carries on from {Path.GetRelativePath(context.WorkingDirectory, papersJson)}: "
                    + $"{seeded.Papers} papers, {seeded.TopicRows} topic rows, {seeded.Translations} translations");
        }
        catch (TrackerSeedException e)
        {
            run.Complete("failed", RunTotals.None);
            await context.Error.WriteLineAsync($"error: {e.Message}. The store has no tracker history to carry on from it; fix the file, or move it away to start a fresh history.");
            return ExitCodes.Failed;
        }

        // 1. Fetch: each topic's query, merged into the history. A failed topic keeps its stored rows.
        var fetcher = services.GetRequiredService<TopicFetcher>();
        var fetched = new List<TopicFetchResult>();
        foreach (var topic in topics)
        {
            var result = await fetcher.FetchAsync(topic, cancellationToken);
            fetched.Add(result);
            await context.Error.WriteLineAsync(result.Failed
                ? $"failed: topic {topic.Name}: {secrets.Redact(result.Error!)} (query: {result.Query})"
                : $"topic {topic.Name}: {result.Found} paper{(result.Found == 1 ? "" : "s")}, {result.New} new");
        }
        if (fetched.All(f => f.Failed))
        {
            run.Complete("failed", RunTotals.None);
            await context.Error.WriteLineAsync($"error: every topic's arXiv query failed; nothing written.");
            return ExitCodes.Failed;
        }

        // 2. Code links and 3. abstracts, for the papers the page shows.
        var publisher = services.GetRequiredService<TrackerPublisher>();
        var shown = (await publisher.LoadAsync(topics, cancellationToken)).SelectMany(t => t.Papers).DistinctBy(p => p.Id.Id).ToList();
        var checker = services.GetRequiredService<CodeLinkChecker>();
        var recheck = TimeSpan.FromDays(options.Tracker.CodeRecheckDays);
        var codeFound = 0;
        await Parallel.ForEachAsync(shown, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (paper, ct) =>
        {
            if (await checker.CheckAsync(paper, recheck, ct)) Interlocked.Increment(ref codeFound);
        });

        var abstracts = new ConcurrentDictionary<string, TranslatedAbstract>(StringComparer.Ordinal);
        if (translate)
        {
            var translator = services.GetRequiredService<AbstractTranslator>();
            await Parallel.ForEachAsync(shown, new ParallelOptions { MaxDegreeOfParallelism = options.Llm.Concurrency, CancellationToken = cancellationToken }, async (paper, ct) =>
                abstracts[paper.Id.Id] = await translator.TranslateAsync(paper, lang, ct));
        }
        else if (options.Tracker.TranslateAbstracts)
        {
            // No LLM this run (e.g. a missing CI secret): translations stored by earlier runs still show, so the page does not flip back.
            var trackerStore = services.GetRequiredService<TrackerStore>();
            foreach (var paper in shown)
                if (await trackerStore.AnyTranslationAsync(paper.Id, lang, cancellationToken) is { } text)
                    abstracts[paper.Id.Id] = new TranslatedAbstract(text, IsTranslation: true, Cached: true, Error: null);
        }
        var failed = shown.Where(p => abstracts.TryGetValue(p.Id.Id, out var a) && a.Error is not null).ToList();
        foreach (var p in failed)
            await context.Error.WriteLineAsync($"failed: {p.Id} {Whitespace.Collapse(p.Title)}: translation: {secrets.Redact(abstracts[p.Id.Id].Error!)}; the original abstract is shown.");

        // 4. Publish.
        var today = DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime);
        var usage = services.GetRequiredService<LlmUsage>();
        var topicsFailed = fetched.Count(f => f.Failed);
        var cached = abstracts.Values.Count(a => a.Cached);
        var totals = new RunTotals(shown.Count, shown.Count - failed.Count, failed.Count, cached, (int)usage.Requests, usage.InputTokens, usage.OutputTokens, 0);
        run.Totals = totals;
        var page = await publisher.BuildAsync(topics, abstracts, today, cancellationToken);
        var files = await TrackerPublisher.WriteAsync(page, outDir, cancellationToken); // a write failure throws: the row is finished 'failed'
        var partial = topicsFailed > 0 || failed.Count > 0;
        run.Complete(partial ? "partial" : "ok", totals);

        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Done tracker {today:yyyy-MM-dd}: {topics.Count} topics ({topicsFailed} failed), {fetched.Sum(f => f.Found)} results from arXiv, {fetched.Sum(f => f.New)} new to their topic; "
            + $"{shown.Count} on the page, {shown.Count(p => p.CodeUrl is not null) + codeFound} with code ({codeFound} found now); "
            + $"abstracts: {abstracts.Values.Count(a => a.IsTranslation && !a.Cached)} translated, {cached} from the store, {failed.Count} failed; "
            + $"LLM {usage.Requests} requests, {usage.InputTokens:N0} tokens in, {usage.OutputTokens:N0} out; {clock.Elapsed.TotalSeconds:F1} s. "
            + $"Wrote {string.Join(", ", files.Select(f => Path.GetRelativePath(context.WorkingDirectory, f)))}"));
        return partial ? ExitCodes.Partial : ExitCodes.Ok;
    }
}
