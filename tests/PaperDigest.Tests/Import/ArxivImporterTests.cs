using System.Diagnostics;
using System.IO.Compression;
using PaperDigest.Import;
using PaperDigest.Search;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Import;

public sealed class ArxivImporterTests
{
    private static readonly string[] Lines =
    [
        """{"id": "2501.00001", "title": "Graph\n  Transformers", "summary": "We study graph\ntransformers.", "authors": ["A. One", "B. Two"], "categories": ["cs.LG", "cs.AI"], "comment": "10 pages"}""",
        """{"id": "2501.00002v3", "title": "Kaggle style", "abstract": "Abstract field.", "authors": "C. Three, D. Four and E. Five", "categories": "cs.CL cs.AI", "comments": "ACL", "versions": [{"version": "v1", "created": "Mon, 6 Jan 2025 10:00:00 GMT"}]}""",
        """{"id": "2501.00003", "title": "Broken line" """,
        """{"title": "No id"}""",
        "",
        """{"id": "2501.00004", "title": "Dated", "summary": "s", "authors": [], "categories": [], "published": "2025-01-07T00:00:00Z"}""",
    ];

    internal static async Task<(ImportResult Result, List<ArxivJsonlLine> Bad)> ImportAsync(TempStore store, string path)
    {
        var bad = new List<ArxivJsonlLine>();
        var importer = new ArxivImporter(new ImportStore(store.Sqlite, TimeProvider.System), TimeProvider.System);
        var result = await importer.ImportAsync(path, bad.Add, null, CancellationToken.None);
        return (result, bad);
    }

    [Fact]
    public async Task ImportAsync_JsonlWithBadLines_ImportsTheRestAndNamesBadLineNumbers()
    {
        // Given a hand-made jsonl file with two bad lines (3: broken JSON, 4: no id) and a blank line
        using var store = new TempStore();
        var path = Path.Combine(store.Directory, "papers.jsonl");
        await File.WriteAllLinesAsync(path, Lines);

        // When it is imported
        var (result, bad) = await ImportAsync(store, path);

        // Then three papers are stored with their fields normalized, and the bad lines are reported by number
        Assert.Equal(3, result.Imported);
        Assert.Equal(2, result.Skipped);
        Assert.Equal([3L, 4L], bad.Select(b => b.Number));
        var first = await store.Papers.FindAsync("2501.00001", CancellationToken.None);
        Assert.Equal("Graph Transformers", first!.Title);
        Assert.Equal("We study graph transformers.", first.Abstract);
        Assert.Equal(["cs.LG", "cs.AI"], first.Categories);
        var kaggle = await store.Papers.FindAsync("2501.00002", CancellationToken.None);
        Assert.Equal(3, kaggle!.Id.Version);
        Assert.Equal(["C. Three", "D. Four", "E. Five"], kaggle.Authors);
        Assert.Equal(["cs.CL", "cs.AI"], kaggle.Categories);
        Assert.Equal("ACL", kaggle.Comment);
        Assert.Equal(new DateOnly(2025, 1, 6), kaggle.Published);
        Assert.Equal(new DateOnly(2025, 1, 7), (await store.Papers.FindAsync("2501.00004", CancellationToken.None))!.Published);
    }

    [Fact]
    public async Task ImportAsync_GzipFile_IsReadAndSearchable()
    {
        // Given the same lines gzipped
        using var store = new TempStore();
        var path = Path.Combine(store.Directory, "papers.jsonl.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        await using (var writer = new StreamWriter(gzip))
            foreach (var line in Lines) await writer.WriteLineAsync(line);

        // When it is imported and searched
        var (result, _) = await ImportAsync(store, path);
        Assert.True(SearchTerms.TryParse("transformers", out var terms, out _));
        var page = await store.Search.SearchAsync(new SearchQuery("transformers"), terms, CancellationToken.None);

        // Then the papers are stored and indexed
        Assert.Equal(3, result.Imported);
        Assert.Equal(["2501.00001"], page.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task ImportAsync_XzFile_IsStreamedThroughXz()
    {
        // Given the lines compressed with the xz program
        using var store = new TempStore();
        var plain = Path.Combine(store.Directory, "papers.jsonl");
        await File.WriteAllLinesAsync(plain, Lines);
        using (var xz = Process.Start(new ProcessStartInfo("xz", ["-z", "-k", plain]))!) await xz.WaitForExitAsync();

        // When the .xz file is imported
        var (result, bad) = await ImportAsync(store, plain + ".xz");

        // Then it reads as the plain file does
        Assert.Equal(3, result.Imported);
        Assert.Equal(2, bad.Count);
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_MergesWithoutDuplicates()
    {
        // Given a file imported once
        using var store = new TempStore();
        var path = Path.Combine(store.Directory, "papers.jsonl");
        await File.WriteAllLinesAsync(path, Lines);
        await ImportAsync(store, path);

        // When it is imported again
        await ImportAsync(store, path);
        Assert.True(SearchTerms.TryParse("graph", out var terms, out _));
        var page = await store.Search.SearchAsync(new SearchQuery("graph"), terms, CancellationToken.None);

        // Then each paper is there once, and once in the index
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task ImportAsync_VersionsAndUpdateDate_DatesByFirstVersion()
    {
        // Given a 2007 paper revised in 2008, as the Kaggle arXiv dump has it
        using var store = new TempStore();
        var path = Path.Combine(store.Directory, "papers.jsonl");
        await File.WriteAllTextAsync(path, """{"id": "0704.0001", "title": "Old", "abstract": "a", "update_date": "2008-11-13", "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}, {"version": "v2", "created": "Tue, 24 Jul 2007 20:10:27 GMT"}]}""" + "\n");

        // When it is imported
        await ImportAsync(store, path);

        // Then it is dated by its first version
        Assert.Equal(new DateOnly(2007, 4, 2), (await store.Papers.FindAsync("0704.0001", CancellationToken.None))!.Published);
    }

    [Fact]
    public async Task ImportAsync_LoneSurrogateLine_SkipsThatLineAndImportsTheOthers()
    {
        // Given a good line, a line whose title holds a lone surrogate escape, and another good line
        using var store = new TempStore();
        var path = Path.Combine(store.Directory, "papers.jsonl");
        await File.WriteAllLinesAsync(path,
        [
            """{"id": "2501.00001", "title": "Before", "summary": "s"}""",
            """{"id": "2501.00002", "title": "Bad \ud800 title", "summary": "s"}""",
            """{"id": "2501.00003", "title": "After", "summary": "s"}""",
        ]);

        // When it is imported
        var (result, bad) = await ImportAsync(store, path);

        // Then line 2 is named and skipped, the others are stored
        Assert.Equal(2, result.Imported);
        Assert.Equal([2L], bad.Select(b => b.Number));
        Assert.Contains("not valid text", bad[0].Error, StringComparison.Ordinal);
        Assert.NotNull(await store.Papers.FindAsync("2501.00001", CancellationToken.None));
        Assert.NotNull(await store.Papers.FindAsync("2501.00003", CancellationToken.None));
    }

    [Fact]
    public async Task ImportAsync_GzNameButPlainText_ThrowsNamingTheFile()
    {
        // Given a plain jsonl file named .gz
        using var store = new TempStore();
        var path = Path.Combine(store.Directory, "papers.jsonl.gz");
        await File.WriteAllLinesAsync(path, Lines);

        // When it is imported / Then the error says it is not gzip
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(store, path));
        Assert.Contains("is not a gzip file", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_TruncatedGzip_KeepsWhatWasReadAndSaysTruncated()
    {
        // Given a gzipped file of 3000 papers cut in half
        using var store = new TempStore();
        var path = Path.Combine(store.Directory, "papers.jsonl.gz");
        await File.WriteAllBytesAsync(path, TruncatedGzip(3000));

        // When it is imported
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(store, path));

        // Then the error says truncated, and the papers read before the cut are stored
        Assert.Contains("is truncated", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(await store.Papers.FindAsync("2501.00001", CancellationToken.None));
        Assert.Null(await store.Papers.FindAsync("2501.03000", CancellationToken.None));
    }

    /// <summary>A gzip of <paramref name="count"/> papers with distinct abstracts, cut at half its length.</summary>
    internal static byte[] TruncatedGzip(int count)
    {
        var random = new Random(7);
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new StreamWriter(gzip))
            for (var i = 1; i <= count; i++)
                writer.WriteLine($$"""{"id": "2501.{{i:D5}}", "title": "Paper {{i}}", "summary": "{{string.Join(' ', Enumerable.Range(0, 30).Select(_ => random.Next(100000)))}}"}""");
        var bytes = memory.ToArray();
        return bytes[..(bytes.Length / 2)];
    }

    /// <summary>Synthetic papers with words of their own (w{i}) and words they share, so both indexes hold something per paper.</summary>
    internal static IEnumerable<string> Papers(int count, int first = 1, string topic = "graphs") => Enumerable.Range(first, count).Select(i =>
        $$"""{"id": "2501.{{i:D5}}", "title": "Paper {{i}} on {{topic}}", "summary": "We study w{{i}}x and transformers.", "authors": ["A. Author{{i % 7}}"], "categories": ["cs.LG"]}""");

    /// <summary>A clean import of <paramref name="files"/>, one after the other, into a store of its own: its index snapshot.</summary>
    internal static async Task<IReadOnlyList<string>> CleanSnapshotAsync(params string[] files)
    {
        using var clean = new TempStore();
        foreach (var file in files) await ImportAsync(clean, file);
        return await SearchIndexSnapshot.TakeAsync(clean.Path_);
    }

    [Fact]
    public async Task ImportAsync_CancelledAfterFirstBatch_KeepsWholeBatchesAndRerunIndexesLikeACleanImport()
    {
        // Given a file of a few batches, and an import cancelled when its first (small) batch is committed
        using var store = new TempStore();
        var path = Path.Combine(store.Directory, "big.jsonl");
        var total = ArxivImporter.BatchSize * 2 + 7;
        await File.WriteAllLinesAsync(path, Papers(total));
        using var cancel = new CancellationTokenSource();
        var importer = new ArxivImporter(new ImportStore(store.Sqlite, TimeProvider.System), TimeProvider.System);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            importer.ImportAsync(path, _ => { }, new CancelOnReport(cancel), cancel.Token));
        var kept = await CountAsync(store);

        // When the same file is imported again
        var result = await importer.ImportAsync(path, _ => { }, null, CancellationToken.None);

        // Then the first batch was kept whole, every paper is stored once, and the index is what a clean import makes
        Assert.Equal(ArxivImporter.FirstBatchSize, kept);
        Assert.Equal(total, result.Imported);
        Assert.Equal(total, await CountAsync(store));
        Assert.Equal(await CleanSnapshotAsync(path), await SearchIndexSnapshot.TakeAsync(store.Path_));
        // (ranked exactly, whatever the cost: a word in every paper takes the bounded path, whose total is a lower bound)
        var exact = new SearchStore(store.Sqlite, new SearchOptions { RankCap = int.MaxValue });
        Assert.StartsWith($"{total}:", await SearchIndexSnapshot.SearchAsync(exact, "graphs"));
        Assert.StartsWith("1: 2501.00004", await SearchIndexSnapshot.SearchAsync(store.Search, "w4x"));
        Assert.Equal(0L, await StoreQuery.ScalarAsync(store.Path_, "SELECT count(*) FROM import_pending"));
    }

    [Fact]
    public async Task ImportAsync_SameFileAgain_ChangesNothing()
    {
        // Given a file of a batch and a bit, imported once
        using var store = new TempStore();
        var path = Path.Combine(store.Directory, "papers.jsonl");
        await File.WriteAllLinesAsync(path, Papers(ArxivImporter.BatchSize + 11));
        await ImportAsync(store, path);
        var papers = await CountAsync(store);
        var snapshot = await SearchIndexSnapshot.TakeAsync(store.Path_);
        var found = await SearchIndexSnapshot.SearchAsync(store.Search, "paper graphs");

        // When it is imported again
        var (again, _) = await ImportAsync(store, path);

        // Then nothing needed indexing, and counts, index entries and search results are unchanged
        Assert.Equal(0, again.Indexed);
        Assert.Equal(papers, await CountAsync(store));
        Assert.Equal(snapshot, await SearchIndexSnapshot.TakeAsync(store.Path_));
        Assert.Equal(found, await SearchIndexSnapshot.SearchAsync(store.Search, "paper graphs"));
    }

    [Fact]
    public async Task ImportAsync_OverAKnownPaper_MergesByPaperStoresRuleAndStoresTheSameText()
    {
        // Given a paper stored by PaperStore with code, upvotes, an AI summary, a comment, a later version and an earlier
        // date, non-ASCII authors and a title with an astral character
        using var store = new TempStore();
        await store.Papers.UpsertAsync([new PaperDigest.Papers.Paper(new PaperDigest.Papers.ArxivId("2501.00001", 3), "Graph 🚀 Transformers", "Known.",
            ["Jörg Müller", "李雷"], new DateOnly(2025, 1, 5), ["cs.LG"], "8 pages", "https://github.com/a/b", 12, 40, "AI summary")], CancellationToken.None);
        var before = await StoreQuery.ScalarAsync(store.Path_, "SELECT title || '|' || authors || '|' || categories FROM papers");

        // When a file has it at version 2, dated later, without a comment, with the same title and authors
        var path = Path.Combine(store.Directory, "papers.jsonl");
        await File.WriteAllTextAsync(path, """{"id": "2501.00001v2", "title": "Graph 🚀 Transformers", "summary": "New abstract.", "authors": ["Jörg Müller", "李雷"], "categories": ["cs.LG"], "published": "2025-01-07"}""" + "\n");
        await ImportAsync(store, path);

        // Then known values are kept (version 3, the earlier date, comment, code, stars, upvotes, AI summary), the new
        // abstract wins, and title, authors and categories are stored as the very same text
        var paper = (await store.Papers.FindAsync("2501.00001", CancellationToken.None))!;
        Assert.Equal((3, new DateOnly(2025, 1, 5), "8 pages", "https://github.com/a/b", 12, 40, "AI summary", "New abstract."),
            (paper.Id.Version, paper.Published, paper.Comment, paper.CodeUrl, paper.GithubStars, paper.Upvotes, paper.AiSummary, paper.Abstract));
        Assert.Equal(before, await StoreQuery.ScalarAsync(store.Path_, "SELECT title || '|' || authors || '|' || categories FROM papers"));
        Assert.Equal("1: 2501.00001", await SearchIndexSnapshot.SearchAsync(store.Search, "abstract"));
    }

    [Fact]
    public async Task ImportAsync_OverPapersWithSummaries_SummaryTextStaysSearchable()
    {
        // Given a stored paper with a Chinese summary and a word only its summary holds
        using var store = new TempStore();
        await store.Papers.UpsertAsync([TempStore.Paper("2501.00002", "Old title", "Old abstract.")], CancellationToken.None);
        await store.SummaryAsync("2501.00002", "brief", new System.Text.Json.Nodes.JsonObject { ["summary"] = "图神经网络 zebrafish" });

        // When a file holding it with a new title and abstract (and new papers around it) is imported
        var path = Path.Combine(store.Directory, "papers.jsonl");
        await File.WriteAllLinesAsync(path, Papers(3));
        await ImportAsync(store, path);

        // Then its summary is still found, by a word and by Chinese, as are its new title and abstract
        Assert.Equal("1: 2501.00002", await SearchIndexSnapshot.SearchAsync(store.Search, "zebrafish"));
        Assert.Equal("1: 2501.00002", await SearchIndexSnapshot.SearchAsync(store.Search, "神经网络"));
        Assert.Equal("1: 2501.00002", await SearchIndexSnapshot.SearchAsync(store.Search, "w2x"));
        Assert.Equal("3: ", (await SearchIndexSnapshot.SearchAsync(store.Search, "graphs"))[..3]);
        Assert.Equal("0: ", await SearchIndexSnapshot.SearchAsync(store.Search, "old"));
    }

    [Fact]
    public async Task ImportAsync_BatchIndexed_EveryPaperSearchableAndInsertTriggerRestored()
    {
        using var store = new TempStore();
        var path = Path.Combine(store.Directory, "big.jsonl");
        await File.WriteAllLinesAsync(path, Enumerable.Range(1, ArxivImporter.BatchSize + 3).Select(i =>
            $$"""{"id": "2501.{{i:D5}}", "title": "Paper w{{i}}x", "summary": "s", "authors": [], "categories": ["cs.LG"]}"""));
        var importer = new ArxivImporter(new ImportStore(store.Sqlite, TimeProvider.System), TimeProvider.System);

        await importer.ImportAsync(path, _ => { }, null, CancellationToken.None);
        await importer.ImportAsync(path, _ => { }, null, CancellationToken.None);

        await using var connection = await store.Sqlite.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM search_words WHERE search_words MATCH 'paper') || ' ' ||
                   (SELECT count(*) FROM search_trigram WHERE search_trigram MATCH 'w5003x') || ' ' ||
                   (SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'search_papers_insert')
            """;
        Assert.Equal($"{ArxivImporter.BatchSize + 3} 1 1", (string)(await command.ExecuteScalarAsync())!);
        // The importer reads papers' text straight from the papers table: it is what the triggers' view makes of them
        command.CommandText = """
            SELECT count(*) FROM search_trigram x JOIN search_documents d ON d.doc = x.rowid
            WHERE x.title IS NOT d.title OR x.summaries IS NOT d.summaries
            """;
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task ImportAsync_EmptyAbstractAndNoDate_StoredAsEmptyTextAndNull()
    {
        // Given a paper whose abstract is empty and that has no date, comment or version (each field is bound as UTF-8
        // bytes; an empty one must stay '' and a missing one NULL)
        using var store = new TempStore();
        var path = Path.Combine(store.Directory, "papers.jsonl");
        await File.WriteAllTextAsync(path, """{"id": "2501.00009", "title": "Only a title", "summary": "", "comment": "", "authors": [], "categories": []}""" + "\n");

        // When it is imported
        await ImportAsync(store, path);

        // Then it is stored with exactly that
        Assert.Equal("'' [] [] NULL NULL NULL",
            await StoreQuery.ScalarAsync(store.Path_, "SELECT quote(abstract) || ' ' || authors || ' ' || categories || ' ' || quote(comment) || ' ' || quote(published) || ' ' || quote(version) FROM papers"));
    }

    private static async Task<long> CountAsync(TempStore store)
    {
        await using var connection = await store.Sqlite.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM papers";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class CancelOnReport(CancellationTokenSource cancel) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => cancel.Cancel();
    }
}
