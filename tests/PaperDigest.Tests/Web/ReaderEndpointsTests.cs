using System.Net;
using System.Xml.Linq;
using PaperDigest.Tests.TestSupport;
using PaperDigest.Web;

namespace PaperDigest.Tests.Web;

public sealed class ReaderEndpointsTests(ReaderServerFixture server) : IClassFixture<ReaderServerFixture>
{
    private Task<(HttpStatusCode Status, string Body, string? Type)> GetAsync(string path) => server.GetAsync(path);

    [Fact]
    public async Task Home_LatestDay_ShowsItsPapersInListingOrder()
    {
        // Given the seeded store (latest day 2026-02-03)
        // When the home page is requested
        var (status, body, type) = await GetAsync("/");

        // Then it is the latest digest, most upvoted first, limited to the digest's (summarized) papers
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", type);
        Assert.Contains("Papers for 2026-02-03", body, StringComparison.Ordinal);
        Assert.True(body.IndexOf("Sparse Mixture of Experts", StringComparison.Ordinal) < body.IndexOf("Attention Is", StringComparison.Ordinal));
        Assert.DoesNotContain("Tool-Using Agents", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/daily/2026-01-01")]
    [InlineData("/daily/not-a-date")]
    [InlineData("/papers/2609.99999")]
    [InlineData("/papers/not-an-id")]
    [InlineData("/papers/2602.02276v99999999999")]
    [InlineData("/papers/2602.02276v%D9%A2")]
    [InlineData("/papers/%EF%BC%92%EF%BC%96%EF%BC%90%EF%BC%92.02276")]
    [InlineData("/topics/Nope")]
    [InlineData("/feeds/topics/Nope.atom")]
    [InlineData("/no/such/page")]
    public async Task Get_UnknownDayPaperTopicOrPath_Answers404Page(string path)
    {
        // Given the seeded store
        // When something that does not exist is requested
        var (status, body, type) = await GetAsync(path);

        // Then the answer is a 404 HTML page
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("text/html", type);
        Assert.Contains("Not found", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paper_Summarized_ShowsEveryStyleItsSourceAndUnsupportedNumbers()
    {
        // Given a paper with a brief and a keywords summary read from HTML, one number unsupported
        // When its page is requested
        var (status, body, _) = await GetAsync("/papers/" + ReaderSeed.ChineseId);

        // Then both styles, the source, the links and the marked number are shown
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h2>Brief", body, StringComparison.Ordinal);
        Assert.Contains("<h2>Keywords", body, StringComparison.Ordinal);
        Assert.Contains("read from the arXiv HTML full text", body, StringComparison.Ordinal);
        Assert.Contains("class=\"unsupported\" title=\"not found in the text the summary was read from\">94.4%</mark>", body, StringComparison.Ordinal);
        Assert.Contains("https://arxiv.org/pdf/" + ReaderSeed.ChineseId, body, StringComparison.Ordinal);
        Assert.Contains("https://arxiv.org/html/" + ReaderSeed.ChineseId, body, StringComparison.Ordinal);
        Assert.Contains("主要研究问题或目标", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paper_HostileTitleSummaryAndCodeUrl_AreShownAsText()
    {
        // Given a paper whose title, abstract and summary hold markup and whose code URL is javascript:
        // When its page is requested
        var (_, body, _) = await GetAsync("/papers/" + ReaderSeed.XssId);

        // Then every piece is encoded and the javascript: URL is not a link
        Assert.Contains("&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Mallory &lt;i&gt;Evil&lt;/i&gt;", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AND (")]
    [InlineData("\"unbalanced")]
    [InlineData("experts*")]
    [InlineData("experts NEAR reasoning")]
    [InlineData("混合专家")]
    [InlineData("推理")]
    public async Task Search_FtsSyntaxOrChinese_Answers200(string q)
    {
        // Given the seeded store
        // When the query is FTS syntax or Chinese
        var (status, body, _) = await GetAsync("/search?q=" + Uri.EscapeDataString(q));

        // Then the search page answers (results or none), never an error
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Search</h1>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ChineseQuery_FindsTheChineseSummary()
    {
        // Given a paper whose Chinese text is only in its summary
        // When searching in Chinese
        var (_, body, _) = await GetAsync("/search?q=" + Uri.EscapeDataString("稀疏混合专家"));

        // Then it is found and the term is highlighted
        Assert.Contains("/papers/" + ReaderSeed.ChineseId, body, StringComparison.Ordinal);
        Assert.Contains("<mark>稀疏混合专家</mark>", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q=x&page=abc")]
    [InlineData("q=x&page=0")]
    [InlineData("q=x&from=yesterday")]
    [InlineData("q=x&from=2026-03-01&to=2026-02-01")]
    [InlineData("q=x&code=maybe")]
    [InlineData("q=%22%28%29")]
    [InlineData("q=*")]
    public async Task Search_MalformedQuery_Answers400Page(string query)
    {
        // Given the seeded store
        // When the search parameters cannot be read
        var (status, body, type) = await GetAsync("/search?" + query);

        // Then the answer is 400 with the form and the reason
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("text/html", type);
        Assert.Contains("class=\"failed\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TenKilobyteQuery_Answers400()
    {
        // Given a 10 KB query
        var q = string.Concat(Enumerable.Repeat("attention ", 1024));

        // When it is searched
        var (status, body, _) = await GetAsync("/search?q=" + Uri.EscapeDataString(q));

        // Then it is refused as too long
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("too long", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Filters_NarrowByTopicAndCode()
    {
        // Given two papers in the topic, one with code
        // When filtering by topic and code
        var (_, body, _) = await GetAsync("/search?q=agents&topic=" + Uri.EscapeDataString(ReaderSeed.Topic) + "&code=1");

        // Then only the paper with code is listed
        Assert.Contains("/papers/" + ReaderSeed.CodeId, body, StringComparison.Ordinal);
        Assert.DoesNotContain("/papers/" + ReaderSeed.ChineseId, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopicArchiveAndTrends_Known_AnswerPagesWithCharts()
    {
        // Given the seeded topic and days
        // When the topic, archive and trends pages are requested
        var topic = await GetAsync("/topics/" + Uri.EscapeDataString(ReaderSeed.Topic));
        var archive = await GetAsync("/daily/");
        var trends = await GetAsync("/trends");

        // Then each answers, trends with server-drawn SVG charts
        Assert.Equal(HttpStatusCode.OK, topic.Status);
        Assert.Contains("Tool-Using Agents", topic.Body, StringComparison.Ordinal);
        Assert.Contains("/daily/2026-02-02", archive.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, trends.Status);
        Assert.Contains("<svg", trends.Body, StringComparison.Ordinal);
        // a keyword seen in one summary only is not listed as frequent; topics are an HTML list (no links inside an SVG image)
        Assert.Contains("No keyword appears in more than one summary yet.", trends.Body, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"bars\" aria-label=\"Papers per topic\">", trends.Body, StringComparison.Ordinal);
        Assert.DoesNotMatch("<svg[^>]*>(?:(?!</svg>).)*<a ", trends.Body);
    }

    [Fact]
    public async Task Pages_Served_HaveTheIssue11Fixes()
    {
        // Given the seeded reader
        // When pages and file-like paths are requested
        var archive = await GetAsync("/daily/");
        var topics = await GetAsync("/topics/");
        var robots = await GetAsync("/robots.txt");
        var favicon = await GetAsync("/favicon.ico");

        // Then: favicon inline, meta description, no meta CSP, labelled navs, h2 under h1, topics index, robots.txt, 404 page
        Assert.Contains("<link rel=\"icon\" href=\"data:image/svg+xml,", archive.Body, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"", archive.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"Content-Security-Policy\"", archive.Body, StringComparison.Ordinal);
        Assert.Contains("<nav aria-label=\"Site\">", archive.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<h3>", archive.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, topics.Status);
        Assert.Contains(">" + ReaderSeed.Topic + "</a>", topics.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, robots.Status);
        Assert.Contains("Disallow: /search", robots.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, favicon.Status);
        Assert.Contains("<h1>Not found</h1>", favicon.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feeds_DailyAndTopic_AreAtomWithAbsoluteLinks()
    {
        // Given the seeded days and topic
        // When the feeds are requested
        var (status, body, type) = await GetAsync("/feeds/daily.atom");
        var topic = await GetAsync("/feeds/topics/" + Uri.EscapeDataString(ReaderSeed.Topic) + ".atom");

        // Then they are Atom documents whose entries link to the reader's paper pages
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/atom+xml", type);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(body);
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(3, entries.Count); // 2026-02-03's two summarized papers (the digest), 2026-02-02's one listed paper
        Assert.Contains(entries, e => e.Element(atom + "link")!.Attribute("href")!.Value == new Uri(server.BaseAddress, "papers/" + ReaderSeed.ChineseId).AbsoluteUri);
        Assert.Equal(ReaderSeed.XssTitle, entries.Single(e => e.Element(atom + "id")!.Value.EndsWith(ReaderSeed.XssId, StringComparison.Ordinal)).Element(atom + "title")!.Value);
        Assert.Equal(2, XDocument.Parse(topic.Body).Root!.Elements(atom + "entry").Count());
    }

    [Fact]
    public async Task TopicFeed_Served_LinksToTheTopicCarriesTheTranslationAndAnIdOfItsAddress()
    {
        // Given a topic whose code paper has a stored translation and no summary
        // When its feed is requested
        var self = "feeds/topics/" + Uri.EscapeDataString(ReaderSeed.Topic) + ".atom";
        var (_, body, _) = await GetAsync("/" + self);

        // Then the feed links to the topic page, its id is its own address, and the entry carries the translation
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(body).Root!;
        Assert.Equal(new Uri(server.BaseAddress, "topics/" + Uri.EscapeDataString(ReaderSeed.Topic)).AbsoluteUri,
            feed.Elements(atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value);
        Assert.Equal(new Uri(server.BaseAddress, self).AbsoluteUri, feed.Element(atom + "id")!.Value);
        var code = feed.Elements(atom + "entry").Single(e => e.Element(atom + "id")!.Value.EndsWith(ReaderSeed.CodeId, StringComparison.Ordinal));
        Assert.Equal(ReaderSeed.CodeTranslation, code.Element(atom + "summary")!.Value);
    }

    [Fact]
    public async Task Feed_RequestWithoutHost_IsServedWithRelativeLinks()
    {
        // Given an HTTP/1.0 request without a Host header
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync("GET /feeds/daily.atom HTTP/1.0\r\n\r\n"u8.ToArray());

        // When it is answered
        using var reader = new StreamReader(stream);
        var response = await reader.ReadToEndAsync();

        // Then it is the feed (not a 500), with no absolute link to the reader
        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        Assert.Contains("<id>urn:paperdigest:feeds/daily.atom</id>", response, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http://:", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopicAndPaperPages_StoredTranslation_AreShown()
    {
        // Given the code paper: no summary, a stored translation of its abstract
        // When its topic page and its paper page are requested
        var topic = await GetAsync("/topics/" + Uri.EscapeDataString(ReaderSeed.Topic));
        var paper = await GetAsync("/papers/" + ReaderSeed.CodeId);

        // Then both show the translation, marked as Chinese, and the paper page keeps the English original
        Assert.Contains("<p lang=\"zh-Hans\">" + ReaderSeed.CodeTranslation + "</p>", topic.Body, StringComparison.Ordinal);
        Assert.Contains("<p lang=\"zh-Hans\">" + ReaderSeed.CodeTranslation + "</p>", paper.Body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-Hans\">", paper.Body, StringComparison.Ordinal);
        Assert.Contains("<blockquote class=\"abstract\"><p lang=\"en\">", paper.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void BaseUrl_BaseUrlSet_TheHostHeaderIsNotReflected()
    {
        // Given web.base_url and a request with a forged Host
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new Microsoft.AspNetCore.Http.HostString("evil.example");

        // When the feed's base is worked out
        var configured = ReaderEndpoints.BaseUrl(context.Request, new WebOptions { BaseUrl = "https://digest.example/reader" });
        var fromHost = ReaderEndpoints.BaseUrl(context.Request, new WebOptions());

        // Then web.base_url wins; without it the request's address is used
        Assert.Equal("https://digest.example/reader/", configured);
        Assert.Equal("http://evil.example/", fromHost);
    }

    [Fact]
    public async Task Get_AnyPage_SendsAContentSecurityPolicyThatForbidsScripts()
    {
        // Given the reader
        // When a page is requested
        using var response = await server.Client.GetAsync("/");

        // Then no script may run on it
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
