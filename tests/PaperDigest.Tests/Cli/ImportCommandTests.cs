using PaperDigest.Import;
using PaperDigest.Tests.Import;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

public sealed class ImportCommandTests
{
    [Fact]
    public async Task Import_PlainFile_ProgressLineCountsAndRate()
    {
        // Given two papers in a plain JSONL file
        using var cli = new CliRunner();
        await File.WriteAllTextAsync(Path.Combine(cli.Dir, "papers.jsonl"),
            """{"id":"2401.00001","title":"A title","abstract":"An abstract.","authors":"Ada Lovelace","categories":"cs.CL"}""" + "\n"
            + """{"id":"2401.00002","title":"B title","abstract":"An abstract.","authors":"Alan Turing","categories":"cs.LG"}""" + "\n");

        // When it is imported
        var result = await cli.RunAsync("import", "papers.jsonl");

        // Then plain progress lines (output is redirected) say what was read and written, the time, the rate and the share
        // of the file, then how many papers were indexed for search; no live bar's control codes
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"import: 2 lines read, 2 papers written, 0 skipped, \d+\.\d s, [\d,]+ papers/s, 100 ?% of the file, about 0 s left", result.Error);
        Assert.Matches(@"import: indexing for search, 2 papers so far, \d+\.\d s", result.Error);
        Assert.DoesNotContain("\u001b[", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_KilledWithSigkill_KeepsWholeBatchesAndRerunFinishesLikeACleanImport()
    {
        // Given a real `paperdigest import` process reading a pipe that has had the first three batches (250 + 500 + 1000
        // papers) and part of the fourth (2000), and waits for more; killed (SIGKILL: no handler runs) once those are in
        using var cli = new CliRunner();
        var lines = ArxivImporterTests.Papers(ArxivImporter.BatchSize * 4).ToList();
        const int written = 3000, wholeBatches = ArxivImporter.FirstBatchSize * 7;
        var path = Path.Combine(cli.Dir, "papers.jsonl");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])) await mkfifo.WaitForExitAsync();
        using var child = ChildProcess.Start(cli.Dir, cli.Env, "import", "papers.jsonl");
        // (opening a FIFO waits for its reader: a child that fails first must fail the test, not hang it)
        var opened = Task.Run(() => new FileStream(path, FileMode.Open, FileAccess.Write));
        await using (var pipe = new StreamWriter(await opened.WaitAsync(TimeSpan.FromSeconds(60))))
        {
            foreach (var line in lines.Take(written)) await pipe.WriteLineAsync(line);
            await pipe.FlushAsync();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await PapersAsync(cli.DbPath) < wholeBatches && DateTime.UtcNow < deadline && !child.HasExited) await Task.Delay(10);
            Assert.False(child.HasExited, "the import ended before it could be killed");
            await child.SignalAsync("KILL");
            await child.WaitAsync(TimeSpan.FromSeconds(30));
        }
        var kept = await PapersAsync(cli.DbPath);

        // When the same command runs again, on the whole file
        File.Delete(path);
        await File.WriteAllLinesAsync(path, lines);
        var result = await cli.RunAsync("import", "papers.jsonl");

        // Then the kill kept the whole batches and nothing of the partial one, and the rerun stored every paper once and
        // indexed them as a clean import does
        Assert.Equal(wholeBatches, kept);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal((long)lines.Count, await PapersAsync(cli.DbPath));
        Assert.Equal(await ArxivImporterTests.CleanSnapshotAsync(path), await SearchIndexSnapshot.TakeAsync(cli.DbPath));
        Assert.Equal(0L, await StoreQuery.ScalarAsync(cli.DbPath, "SELECT count(*) FROM import_pending"));
    }

    private static async Task<long> PapersAsync(string db)
    {
        try
        {
            return File.Exists(db) ? (long)(await StoreQuery.ScalarAsync(db, "SELECT count(*) FROM papers"))! : 0;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not migrated yet
        }
    }

    [Fact]
    public async Task Import_TruncatedGzip_Exits1SayingTruncatedAndCounting()
    {
        // Given a truncated .gz
        using var cli = new CliRunner();
        await File.WriteAllBytesAsync(Path.Combine(cli.Dir, "papers.jsonl.gz"), ArxivImporterTests.TruncatedGzip(3000));

        // When it is imported
        var result = await cli.RunAsync("import", "papers.jsonl.gz");

        // Then it fails (1) with a plain message naming the file as truncated, and no stack trace
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("papers.jsonl.gz is truncated", result.Error, StringComparison.Ordinal);
        Assert.Contains("papers from the", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_PlainTextNamedGz_Exits1SayingNotGzip()
    {
        // Given a text file named .gz
        using var cli = new CliRunner();
        await File.WriteAllTextAsync(Path.Combine(cli.Dir, "papers.jsonl.gz"), """{"id": "2501.00001", "title": "T"}""" + "\n");

        // When it is imported
        var result = await cli.RunAsync("import", "papers.jsonl.gz");

        // Then it fails (1) saying so
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not a gzip file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_LoneSurrogateLine_Exits3NamingTheLineAndImportsTheRest()
    {
        // Given a line with a lone surrogate between two good lines
        using var cli = new CliRunner();
        await File.WriteAllLinesAsync(Path.Combine(cli.Dir, "papers.jsonl"),
        [
            """{"id": "2501.00001", "title": "Before", "summary": "s"}""",
            """{"id": "2501.00002", "title": "Bad \ud800", "summary": "s"}""",
            """{"id": "2501.00003", "title": "After", "summary": "s"}""",
        ]);

        // When it is imported
        var result = await cli.RunAsync("import", "papers.jsonl");

        // Then line 2 is named and the two others are imported
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("papers.jsonl:2: skipped", result.Error, StringComparison.Ordinal);
        Assert.Contains("Imported 2 papers", result.Out, StringComparison.Ordinal);
    }
}
