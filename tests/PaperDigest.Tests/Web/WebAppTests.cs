using System.Net;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Web;

/// <summary>
/// The reader keeps rendered answers while the store is unchanged, and renders afresh once anyone, another process
/// included, has committed to the store: a `daily` or `import` run is visible on the next request.
/// </summary>
public sealed class WebAppTests(ReaderServerFixture server) : IClassFixture<ReaderServerFixture>
{
    [Theory]
    [InlineData("/search?q=reasoning")]
    [InlineData("/api/search?q=reasoning")]
    [InlineData("/")]
    [InlineData("/topics/" + ReaderSeed.Topic)]
    [InlineData("/feeds/daily.atom")]
    public async Task Get_SamePageAgainStoreUnchanged_AnsweredFromCacheWithTheSameHeaders(string path)
    {
        // Given a page requested once
        using var first = await server.Client.GetAsync(path);

        // When it is requested again, nothing written in between
        using var second = await server.Client.GetAsync(path);

        // Then the second answer is the kept one (it has an Age), the same body, with the security headers
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.GetValues("Content-Security-Policy"), second.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal("nosniff", second.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/papers/" + ReaderSeed.XssId)]
    [InlineData("/api/papers/" + ReaderSeed.XssId)]
    public async Task Get_PaperPage_KeptFromItsSecondRequestOn(string path)
    {
        // Given a paper's page (or API answer) requested once: read, and not kept (one page per paper would churn the cache)
        using var first = await server.Client.GetAsync(path);

        // When it is requested a second and a third time
        using var second = await server.Client.GetAsync(path);
        using var third = await server.Client.GetAsync(path);

        // Then the second is read again and kept, the third is the kept one; all the same
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.Null(second.Headers.Age);
        Assert.NotNull(third.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await third.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/search?q=Sparse", "/search?q=sparse", "value=\"Sparse\"", "value=\"sparse\"")]
    public async Task Get_SameUrlInOtherLetters_NeverTheOtherOnesKeptAnswer(string path, string other, string expected, string expectedOther)
    {
        // Given a URL asked for twice (kept)
        await server.Client.GetStringAsync(path);
        var kept = await server.Client.GetAsync(path);

        // When the same URL in other letters is asked for
        using var answer = await server.Client.GetAsync(other);

        // Then it is not the kept answer of the first, and each shows what it was asked
        Assert.Null(answer.Headers.Age);
        Assert.Contains(expected, await kept.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(expectedOther, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        kept.Dispose();
    }

    [Fact]
    public async Task Paper_PathInOtherLetters_NeverTheKeptPageOfTheOther()
    {
        // Given a paper page kept (asked for twice)
        var path = "/papers/" + ReaderSeed.ChineseId;
        await server.Client.GetStringAsync(path);
        await server.Client.GetStringAsync(path);

        // When the same path in capitals is asked for twice (the second time it may be kept, under its own letters)
        await server.Client.GetStringAsync(path.ToUpperInvariant());
        using var again = await server.Client.GetAsync(path.ToUpperInvariant());

        // Then it was read, not served the other path's kept page
        Assert.Null(again.Headers.Age);
    }

    [Fact]
    public async Task Feed_TwoHosts_EachGetsItsOwnLinksNotTheOtherOnesCachedFeed()
    {
        // Given the daily feed asked for under one Host (its links are built from the Host when web.base_url is unset)
        using var first = new HttpRequestMessage(HttpMethod.Get, "/feeds/daily.atom") { Headers = { Host = "reader-a.example" } };
        using var a = await server.Client.SendAsync(first);

        // When it is asked for under another Host
        using var second = new HttpRequestMessage(HttpMethod.Get, "/feeds/daily.atom") { Headers = { Host = "reader-b.example" } };
        using var b = await server.Client.SendAsync(second);

        // Then each answer links to its own host: a kept feed is never served under another address
        Assert.Contains("http://reader-a.example/", await a.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var body = await b.Content.ReadAsStringAsync();
        Assert.Contains("http://reader-b.example/", body, StringComparison.Ordinal);
        Assert.DoesNotContain("reader-a.example", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_PaperImportedByAnotherProcess_FoundOnTheNextRequest()
    {
        // Given a search that finds nothing, answered twice (the second time from the cache)
        const string path = "/search?q=axolotl";
        Assert.DoesNotContain("2603.04242", await server.Client.GetStringAsync(path), StringComparison.Ordinal);
        using (var cached = await server.Client.GetAsync(path)) Assert.NotNull(cached.Headers.Age);

        // When another process (the real CLI) imports a paper with that word into the same store
        var dir = Directory.CreateTempSubdirectory("pd-cache-").FullName;
        try
        {
            var file = Path.Combine(dir, "one.jsonl");
            await File.WriteAllTextAsync(file, """{"id": "2603.04242", "title": "Axolotl Regeneration as a Benchmark for Continual Learning", "summary": "Limbs grow back.", "authors": ["Ada Lovelace"], "categories": ["cs.LG"]}""" + "\n");
            using var child = ChildProcess.Start(dir, new Dictionary<string, string> { ["PAPERDIGEST_DB"] = server.Store.Path_ }, "import", file);
            var result = await child.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 0, $"import exit {result.ExitCode}: {result.Error}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        // Then the very next request renders afresh and finds it, and so does the paper's page
        using var after = await server.Client.GetAsync(path);
        Assert.Null(after.Headers.Age);
        Assert.Contains("/papers/2603.04242", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Axolotl Regeneration", await server.Client.GetStringAsync("/papers/2603.04242"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_SummaryWrittenThroughThePool_ShownOnTheNextRequest()
    {
        // Given a topic page, answered from the cache the second time
        var path = "/topics/" + Uri.EscapeDataString(ReaderSeed.Topic);
        Assert.DoesNotContain("A cached page must not hide this", await server.Client.GetStringAsync(path), StringComparison.Ordinal);
        using (var cached = await server.Client.GetAsync(path)) Assert.NotNull(cached.Headers.Age);

        // When a summary of one of its papers is stored (as a `daily` run in this process would)
        await server.Store.SummaryAsync(ReaderSeed.CodeId, "brief", new System.Text.Json.Nodes.JsonObject
        {
            ["summary"] = "A cached page must not hide this.",
            ["research_question"] = "Q", ["key_methods"] = "M", ["main_results"] = "R", ["implications"] = "I",
        });

        // Then the next request shows it
        Assert.Contains("A cached page must not hide this", await server.Client.GetStringAsync(path), StringComparison.Ordinal);
    }
}
