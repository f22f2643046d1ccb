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

        // Then a plain progress line says what was read and written, the time and the rate
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"import: 2 lines read, 2 papers written, 0 skipped, \d+\.\d s, [\d,]+ papers/s", result.Error);
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
