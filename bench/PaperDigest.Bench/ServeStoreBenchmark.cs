using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using PaperDigest.Import;
using PaperDigest.Store;
using PaperDigest.Summaries;

namespace PaperDigest.Bench;

/// <summary>
/// Issue 12 (serve): builds the store that bench/serve.sh loads with wrk: the shared corpus at --copies N through the real
/// importer, one listed day of <see cref="DayPapers"/> papers with (synthetic Chinese) summaries, and DB.ids, every
/// paper id a line, for the random paper-page run.
/// Usage: serve-store DB [corpus.jsonl.xz] [--copies N]
/// </summary>
internal sealed class ServeStoreBenchmark : IBenchmark
{
    private const int DayPapers = 30;

    public string Name => "serve-store";
    public string Description => "build the store bench/serve.sh measures: corpus at --copies N, a listed day with summaries, DB.ids";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var copies = 4;
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--copies" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9) copies = n;
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) { await Console.Error.WriteLineAsync($"serve-store: unknown or bad option '{args[i]}' (--copies takes 1-9)"); return 2; }
            else positional.Add(args[i]);
        }
        if (positional.Count is 0 or > 2) { await Console.Error.WriteLineAsync("serve-store: usage: serve-store DB [corpus.jsonl.xz] [--copies N]"); return 2; }
        var dbPath = Path.GetFullPath(positional[0]);
        if (File.Exists(dbPath)) { await Console.Error.WriteLineAsync($"serve-store: {dbPath} exists; give a new path"); return 2; }
        var corpus = positional.Count > 1 ? positional[1] : ScaleBenchmark.FindFile(Path.Combine("shared", "corpus", "arxiv_papers_18k.jsonl.xz"));
        if (corpus is null || !File.Exists(corpus)) { await Console.Error.WriteLineAsync("serve-store: corpus not found; pass the path of arxiv_papers_18k.jsonl.xz"); return 2; }

        var time = TimeProvider.System;
        var store = SqliteStore.Open(dbPath);
        var input = copies == 1 ? corpus : await CorpusCopyWriter.WriteAsync(corpus, copies, dbPath + $".x{copies}.jsonl", cancellationToken);
        try
        {
            var result = await new ArxivImporter(new ImportStore(store, time), time).ImportAsync(input, _ => { }, null, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imported {result.Imported:N0} papers ({copies}x) in {result.Elapsed.TotalSeconds:F1} s"));
        }
        finally
        {
            if (input != corpus) File.Delete(input);
        }

        // One digest day: the newest papers, listed and summarized as `daily` would leave them.
        var papers = new PaperStore(store, time);
        var summaries = new SummaryStore(store);
        List<string> ids;
        string newest;
        await using (var connection = await store.ConnectAsync(cancellationToken))
        {
            // The newest publish date; the shared corpus has none, so a fixed day.
            newest = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT max(published) FROM papers", cancellationToken: cancellationToken)) ?? "2026-01-01";
            ids = (await connection.QueryAsync<string>(new CommandDefinition("SELECT id FROM papers ORDER BY id", cancellationToken: cancellationToken))).ToList();
        }
        var day = DateOnly.ParseExact(newest[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var random = new Random(42);
        var listed = new List<Papers.Paper>();
        foreach (var id in ids.Where((_, i) => i % (ids.Count / DayPapers) == 0).Take(DayPapers))
            if (await papers.FindAsync(id, cancellationToken) is { } p) listed.Add(p);
        await papers.SaveListingAsync(day, listed, cancellationToken);
        foreach (var p in listed) await summaries.SaveAsync(ChineseText.Summary(p.Id.Id, random), cancellationToken);

        await File.WriteAllLinesAsync(dbPath + ".ids", ids, cancellationToken);
        await using (var connection = await store.ConnectAsync(cancellationToken))
            await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"day {day:yyyy-MM-dd}: {listed.Count} papers listed and summarized; {ids.Count:N0} ids in {dbPath}.ids");
        return 0;
    }
}
