using System.Text;
using Microsoft.AspNetCore.Http;
using PaperDigest.Papers;
using PaperDigest.Reading;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Reading;

[Collection("pdftotext")]
public sealed class FullTextReaderTests
{
    private const string Abstract = "We study   behavioral self-awareness.";

    [FixtureFact]
    public async Task ReadAsync_RealHtmlPage_ReturnsHtmlTextWithinBudget()
    {
        // Given arXiv serving the real 2025 page at html/2501.11120v1
        var page = Fixtures.ReadBytes("arxiv_html/arxiv_html_2501.11120v1.html");
        await using var server = await FakeHttpServer.StartAsync(ctx => ctx.Request.Path == "/html/2501.11120v1"
            ? Write(ctx, 200, "text/html; charset=utf-8", page)
            : Write(ctx, 404, "text/plain", "no"u8.ToArray()));

        // When the paper is read
        var text = await Reader(server).ReadAsync(ArxivId.Parse("2501.11120v1"), Abstract, CancellationToken.None);

        // Then the HTML was used, first time, and the text is the budgeted rendering
        Assert.Equal(TextSource.Html, text.Source);
        Assert.Empty(text.Attempts);
        Assert.StartsWith("# Tell me about yourself: LLMs are aware of their learned behaviors", text.Text, StringComparison.Ordinal);
        Assert.Contains("## 3.2 Finetuning on long dialogues (Make Me Say)", text.Text);
        Assert.True(TokenEstimator.Estimate(text.Text) <= ContextBudget.DefaultTokens);
        Assert.Equal(["/html/2501.11120v1"], server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task ReadAsync_Html404_UsesPdf()
    {
        // Given no HTML (404) and a readable PDF
        await using var server = await FakeHttpServer.StartAsync(ctx => ctx.Request.Path.StartsWithSegments("/pdf")
            ? Write(ctx, 200, "application/pdf", MinimalPdf.WithText("Full text from the PDF"))
            : Write(ctx, 404, "text/html", "<html><body>No HTML for '2501.00001'</body></html>"u8.ToArray()));

        // When the paper is read
        var text = await Reader(server).ReadAsync(ArxivId.Parse("2501.00001"), Abstract, CancellationToken.None);

        // Then the 404 is recorded and the PDF is next (or, without pdftotext, the abstract)
        Assert.Equal(["/html/2501.00001", "/pdf/2501.00001"], server.Requests.Select(r => r.PathAndQuery));
        if (PdftotextFactAttribute.Installed)
        {
            Assert.Equal(new FullText(TextSource.Pdf, "Full text from the PDF", ["HTML: 404"]), text, FullTextComparer.Instance);
        }
        else
        {
            Assert.Equal(new FullText(TextSource.Abs, "We study behavioral self-awareness.", ["HTML: 404", "PDF: pdftotext not installed"]), text, FullTextComparer.Instance);
        }
    }

    [FixtureFact]
    public async Task ReadAsync_TruncatedHtml_FallsBackAndRecordsWhy()
    {
        // Given the real page cut at half, and no PDF
        var html = Fixtures.Read("arxiv_html/arxiv_html_2501.11120v1.html");
        var half = Encoding.UTF8.GetBytes(html[..(html.Length / 2)]);
        await using var server = await FakeHttpServer.StartAsync(ctx => ctx.Request.Path.StartsWithSegments("/html")
            ? Write(ctx, 200, "text/html", half)
            : Write(ctx, 404, "text/plain", "no"u8.ToArray()));

        // When the paper is read
        var text = await Reader(server).ReadAsync(ArxivId.Parse("2501.11120v1"), Abstract, CancellationToken.None);

        // Then both failures are recorded and the abstract is used
        Assert.Equal(TextSource.Abs, text.Source);
        Assert.Equal(["HTML: truncated page (no closing </html>)", "PDF: 404"], text.Attempts);
    }

    [Theory]
    [InlineData("application/json", "{\"papers\":[1,2,3]}", "HTML: not HTML (application/json)")]
    [InlineData("text/html", "{\"papers\":[1,2,3]}", "HTML: not HTML")]
    [InlineData("text/html", "<html><body><article class=\"ltx_document\"><h1 class=\"ltx_title_document\">T</h1></article></body></html>", "HTML: LaTeXML document has no body text")]
    [InlineData("text/html", "<html><body><p>No HTML for '2501.00001'. Conversion failed.</p></body></html>", "HTML: arXiv has no HTML for this paper (No HTML for '2501.00001'. Conversion failed.)")]
    public async Task ReadAsync_UnusableHtml_RecordsReasonAndFallsBack(string contentType, string body, string reason)
    {
        // Given an HTML answer that cannot be used, and no PDF
        await using var server = await FakeHttpServer.StartAsync(ctx => ctx.Request.Path.StartsWithSegments("/html")
            ? Write(ctx, 200, contentType, Encoding.UTF8.GetBytes(body))
            : Write(ctx, 404, "text/plain", "no"u8.ToArray()));

        // When the paper is read
        var text = await Reader(server).ReadAsync(ArxivId.Parse("2501.00001v2"), Abstract, CancellationToken.None);

        // Then the reason is recorded and the fallbacks run
        Assert.Equal([reason, "PDF: 404"], text.Attempts);
        Assert.Equal(TextSource.Abs, text.Source);
    }

    [Fact]
    public async Task ReadAsync_BinaryBody_RecordsNotHtml()
    {
        // Given random bytes served as an octet stream
        var bytes = new byte[8192];
        new Random(3).NextBytes(bytes);
        await using var server = await FakeHttpServer.StartAsync(ctx => Write(ctx, ctx.Request.Path.StartsWithSegments("/html") ? 200 : 410, "application/octet-stream", bytes));

        // When the paper is read
        var text = await Reader(server).ReadAsync(ArxivId.Parse("2501.00001"), Abstract, CancellationToken.None);

        // Then nothing crashes and every step is recorded
        Assert.Equal(["HTML: not HTML (application/octet-stream)", "PDF: 410"], text.Attempts);
    }

    [Fact]
    public async Task ReadAsync_UnreadablePdf_RecordsReasonAndUsesAbstract()
    {
        // Given no HTML and a PDF that pdftotext cannot read
        await using var server = await FakeHttpServer.StartAsync(ctx => ctx.Request.Path.StartsWithSegments("/pdf")
            ? Write(ctx, 200, "application/pdf", MinimalPdf.Unreadable())
            : Write(ctx, 404, "text/html", "gone"u8.ToArray()));

        // When the paper is read
        var text = await Reader(server).ReadAsync(ArxivId.Parse("2501.00001"), Abstract, CancellationToken.None);

        // Then the abstract is used, and the PDF's reason is recorded
        Assert.Equal(TextSource.Abs, text.Source);
        Assert.Equal("HTML: 404", text.Attempts[0]);
        Assert.StartsWith(PdftotextFactAttribute.Installed ? "PDF: pdftotext failed (exit " : "PDF: pdftotext not installed", text.Attempts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TwoMegabytesOfTables_FitsBudget()
    {
        // Given a 2 MB page that is mostly tables
        var page = Encoding.UTF8.GetBytes(SyntheticArxivPage.MostlyTables(2_000_000));
        await using var server = await FakeHttpServer.StartAsync(ctx => Write(ctx, 200, "text/html", page));

        // When it is read with a 24,000-token budget
        var text = await Reader(server).ReadAsync(ArxivId.Parse("2501.00001"), Abstract, CancellationToken.None);

        // Then the HTML is used and the text fits, made of whole table rows
        Assert.Equal(TextSource.Html, text.Source);
        Assert.True(TokenEstimator.Estimate(text.Text) <= 24_000);
        Assert.All(text.Text.Split('\n').Where(l => l.StartsWith('|')), row => Assert.Matches(@"^\| Model(-\d+-\d+)? \|( [\d.A-D]+ \|){4}$", row));
    }

    [Fact]
    public async Task ReadAsync_ConnectionDropped_RecordsNetworkErrorAndGoesOn()
    {
        // Given a server that drops the HTML connection and has no PDF
        await using var server = await FakeHttpServer.StartAsync(ctx =>
        {
            if (ctx.Request.Path.StartsWithSegments("/html"))
            {
                ctx.Abort();
                return Task.CompletedTask;
            }
            return Write(ctx, 404, "text/plain", "no"u8.ToArray());
        });

        // When the paper is read
        var text = await Reader(server).ReadAsync(ArxivId.Parse("2501.00001"), Abstract, CancellationToken.None);

        // Then the network error is recorded and the next sources are tried
        Assert.StartsWith("HTML: network error (", text.Attempts[0], StringComparison.Ordinal);
        Assert.Equal("PDF: 404", text.Attempts[1]);
    }

    [Fact]
    public async Task ReadAsync_SlowHtml_RecordsTimeoutAndGoesOn()
    {
        // Given an HTML answer slower than the client's timeout
        await using var server = await FakeHttpServer.StartAsync(async ctx =>
        {
            if (ctx.Request.Path.StartsWithSegments("/html")) await Task.Delay(TimeSpan.FromSeconds(5), ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            else await Write(ctx, 404, "text/plain", "no"u8.ToArray());
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };

        // When the paper is read
        var text = await new FullTextReader(http, new ReadingOptions()).ReadAsync(ArxivId.Parse("2501.00001"), Abstract, CancellationToken.None);

        // Then the timeout is recorded and the abstract is used, as a passing outcome (not to be stored as final)
        // (the PDF's 404 shares the 300 ms client timeout, so on a loaded machine it may time out too: either way it was tried)
        Assert.Equal("HTML: timed out", text.Attempts[0]);
        Assert.Contains(text.Attempts[1], new[] { "PDF: 404", "PDF: timed out" });
        Assert.Equal(2, text.Attempts.Count);
        Assert.Equal(TextSource.Abs, text.Source);
        Assert.True(text.Transient);
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(404, false)]
    public async Task ReadAsync_HtmlStatus_TransientOnlyForPassingFailures(int status, bool transient)
    {
        // Given arXiv answering the HTML with this status, and no PDF (404)
        await using var server = await FakeHttpServer.StartAsync(ctx => ctx.Request.Path.StartsWithSegments("/html")
            ? Write(ctx, status, "text/html", "<html><body>busy or missing</body></html>"u8.ToArray())
            : Write(ctx, 404, "text/plain", "no"u8.ToArray()));

        // When the paper is read
        var text = await Reader(server).ReadAsync(ArxivId.Parse("2501.00001"), Abstract, CancellationToken.None);

        // Then the abstract is used; only a 5xx or 429 makes it provisional
        Assert.Equal(TextSource.Abs, text.Source);
        Assert.Equal($"HTML: {status}", text.Attempts[0]);
        Assert.Equal(transient, text.Transient);
    }

    [FixtureFact]
    public async Task ReadAsync_NoHtmlPage_IsDefinitive()
    {
        // Given arXiv's real "No HTML" page (served with 200, as a proxy might) and no PDF
        var page = Fixtures.ReadBytes("arxiv_html/arxiv_html_NOT_AVAILABLE_2601.17668.html");
        await using var server = await FakeHttpServer.StartAsync(ctx => ctx.Request.Path.StartsWithSegments("/html")
            ? Write(ctx, 200, "text/html; charset=utf-8", page)
            : Write(ctx, 404, "text/plain", "no"u8.ToArray()));

        // When the paper is read
        var text = await Reader(server).ReadAsync(ArxivId.Parse("2601.17668"), Abstract, CancellationToken.None);

        // Then the abstract is used, and that is final
        Assert.Equal(TextSource.Abs, text.Source);
        Assert.False(text.Transient);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        // Given a slow server and a caller who cancels
        await using var server = await FakeHttpServer.StartAsync(ctx => Task.Delay(TimeSpan.FromSeconds(5), ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        // When the paper is read
        // Then the cancellation is not swallowed into a fallback
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Reader(server).ReadAsync(ArxivId.Parse("2501.00001"), Abstract, cancel.Token));
    }

    private static FullTextReader Reader(FakeHttpServer server) =>
        new(new HttpClient { BaseAddress = server.BaseAddress }, new ReadingOptions());

    private static async Task Write(HttpContext ctx, int status, string contentType, byte[] body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        await ctx.Response.Body.WriteAsync(body);
    }

    private sealed class FullTextComparer : IEqualityComparer<FullText>
    {
        public static readonly FullTextComparer Instance = new();

        public bool Equals(FullText? x, FullText? y) => x!.Source == y!.Source && x.Text == y.Text && x.Attempts.SequenceEqual(y.Attempts);

        public int GetHashCode(FullText obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }
}
