using PaperDigest;
using PaperDigest.Cli;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Cli;

public sealed class SearchCommandTests
{
    private static async Task<(int Code, string Out, string Error)> RunAsync(TempStore store, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new Dictionary<string, string> { ["PAPERDIGEST_DB"] = store.Path_ };
        var context = new CliContext(stdout, stderr, env, store.Directory, TimeProvider.System, Interactive: false, Composition.Register);
        var code = await CliApp.RunAsync(args, context, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Search_Query_PrintsRankedResults()
    {
        // Given the seeded store
        using var store = new TempStore();
        await ReaderSeed.SeedAsync(store);

        // When searching from the command line, in Chinese
        var (code, stdout, _) = await RunAsync(store, "search", "稀疏", "--limit", "5");

        // Then the paper is printed with its id, date, title and a snippet
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"{ReaderSeed.ChineseId}   2026-02-02  Sparse Mixture of Experts", stdout, StringComparison.Ordinal);
        Assert.Contains("稀疏混合专家", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AND (")]
    [InlineData("\"")]
    [InlineData("NEAR(a b)")]
    public async Task Search_FtsSyntax_NeverCrashes(string query)
    {
        // Given the seeded store
        using var store = new TempStore();
        await ReaderSeed.SeedAsync(store);

        // When the query is FTS syntax
        var (code, _, stderr) = await RunAsync(store, "search", query);

        // Then it runs as text (0) or is refused with a message (2), never a stack trace
        Assert.True(code is ExitCodes.Ok or ExitCodes.Usage, stderr);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TenKilobyteQuery_ExitsTwoWithMessage()
    {
        // Given a 10 KB query
        using var store = new TempStore();

        // When it is searched
        var (code, _, stderr) = await RunAsync(store, "search", new string('x', 10 * 1024));

        // Then the command refuses it clearly
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("error: search: The query is too long", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsTwoNamingIt()
    {
        // Given no such file
        using var store = new TempStore();

        // When importing it
        var (code, _, stderr) = await RunAsync(store, "import", "missing.jsonl.xz");

        // Then the message names the file
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("missing.jsonl.xz", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Site_SeededStore_WritesStaticPagesWithRelativeLinks()
    {
        // Given the seeded store
        using var store = new TempStore();
        await ReaderSeed.SeedAsync(store);

        // When the static site is written
        var (code, stdout, stderr) = await RunAsync(store, "site", "--out", "site");

        // Then the pages exist, link relatively, and escape hostile text
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Wrote the static site", stdout, StringComparison.Ordinal);
        var root = Path.Combine(store.Directory, "site");
        var home = await File.ReadAllTextAsync(Path.Combine(root, "index.html"));
        Assert.Contains($"href=\"papers/{ReaderSeed.ChineseId}/index.html\"", home, StringComparison.Ordinal);
        var paper = await File.ReadAllTextAsync(Path.Combine(root, "papers", ReaderSeed.XssId, "index.html"));
        Assert.Contains("href=\"../../daily/2026-02-03/index.html\"", paper, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", paper, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "daily", "2026-02-02", "index.html")), stderr);
        Assert.True(File.Exists(Path.Combine(root, "topics", "llm-agents", "index.html")));
        Assert.True(File.Exists(Path.Combine(root, "feeds", "topics", "llm-agents.atom")));
        Assert.Contains("href=\"../papers/", await File.ReadAllTextAsync(Path.Combine(root, "feeds", "daily.atom")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "search", "index.html")));
    }
}
