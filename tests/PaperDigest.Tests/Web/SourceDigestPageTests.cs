using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Tests.TestSupport;
using PaperDigest.Web;
using F = PaperDigest.Tests.TestSupport.SourceDigestServerFixture;

namespace PaperDigest.Tests.Web;

/// <summary>The reader's pages, API and feed of a named source's digests (`daily --source`), through the real app on 127.0.0.1.</summary>
public sealed class SourceDigestPageTests(SourceDigestServerFixture server) : IClassFixture<SourceDigestServerFixture>
{
    [Fact]
    public async Task SourceDay_Stored_ShowsPapersMostRelevantFirstWithScoreWhyAndSummary()
    {
        // Given robotics' digest of 2026-02-03: the grasping paper (0.81, summarized) before the locomotion paper (0.42)
        // When its page is requested
        var (status, body, type) = await server.GetAsync("/daily/robotics/2026-02-03");

        // Then the papers come most relevant first, each with its score and why, the stored summary shown
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", type);
        Assert.Contains("<h1>robotics: papers for 2026-02-03</h1>", body, StringComparison.Ordinal);
        Assert.True(body.IndexOf(F.TopTitle, StringComparison.Ordinal) < body.IndexOf(F.SecondTitle, StringComparison.Ordinal));
        Assert.Contains("Relevance <strong>0.81</strong> · like: Learning Dexterous Manipulation; term: grasp", body, StringComparison.Ordinal);
        Assert.Contains("Relevance <strong>0.42</strong>", body, StringComparison.Ordinal);
        Assert.Contains(F.TopSummary, body, StringComparison.Ordinal);
        Assert.Contains("most relevant to your profile first", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://rss.arxiv.org/rss/cs.RO\">arXiv cs.RO (robotics)</a>", body, StringComparison.Ordinal);
        Assert.Contains("href=\"/daily/robotics/2026-02-02\"", body, StringComparison.Ordinal); // the pager
    }

    [Fact]
    public async Task SourceDay_WhyHoldsMarkup_IsShownAsInertText()
    {
        // Given a "why" entry holding a script tag and markup
        // When the day's page is requested
        var (_, body, _) = await server.GetAsync("/daily/robotics/2026-02-03");

        // Then it is encoded text: no element is made of it
        Assert.Contains("like: &lt;script&gt;window.__xss=1&lt;/script&gt;Evil &lt;b&gt;Bold&lt;/b&gt;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Bold", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceArchive_Stored_ListsItsDaysNewestFirst()
    {
        // Given robotics' digests of 2026-02-03 and 2026-02-02
        // When its archive is requested, with and without the trailing slash
        var (status, body, _) = await server.GetAsync("/daily/robotics/");
        var (bare, _, _) = await server.GetAsync("/daily/robotics");

        // Then both days are linked, newest first, with their paper counts and the source's feed
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, bare);
        var newer = body.IndexOf("href=\"/daily/robotics/2026-02-03\">2026-02-03</a> <span class=\"meta\">2 papers", StringComparison.Ordinal);
        var older = body.IndexOf("href=\"/daily/robotics/2026-02-02\">2026-02-02</a> <span class=\"meta\">1 papers", StringComparison.Ordinal);
        Assert.True(newer >= 0 && older > newer);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"PaperDigest: robotics\" href=\"/feeds/daily/robotics.atom\">", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HuggingFacePages_SourceDigestsStored_ArchiveLinksEachSourceTheDayStaysHuggingFaces()
    {
        // Given Hugging Face days and robotics' digests, one of the same date
        // When the archive and the Hugging Face day are requested
        var archive = await server.GetAsync("/daily/");
        var day = await server.GetAsync("/daily/2026-02-03");

        // Then the archive links the source, says what it reads, and still lists the Hugging Face days
        Assert.Equal(HttpStatusCode.OK, archive.Status);
        Assert.Contains("<a href=\"/daily/robotics\">robotics</a> <span class=\"meta\">arXiv cs.RO (robotics) · 2 days, newest 2026-02-03</span>", archive.Body, StringComparison.Ordinal);
        Assert.Contains("href=\"/daily/2026-02-03\"", archive.Body, StringComparison.Ordinal);
        // and the day is the Hugging Face digest, without the source's papers or relevance
        Assert.Equal(HttpStatusCode.OK, day.Status);
        Assert.Contains("Hugging Face Daily Papers</a>, most upvoted first", day.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(F.TopTitle, day.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Relevance", day.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/daily/vision/", 404)]
    [InlineData("/daily/vision/2026-02-03", 404)]
    [InlineData("/daily/robotics/2026-01-01", 404)]
    [InlineData("/feeds/daily/vision.atom", 404)]
    [InlineData("/feeds/daily/..%2F..%2Fetc.atom", 404)]
    [InlineData("/daily/robotics/2026-13-99", 400)]
    [InlineData("/daily/robotics/yesterday", 400)]
    [InlineData("/daily/Robotics/2026-02-03", 400)]
    [InlineData("/daily/2026-02-03/2026-02-03", 400)]
    [InlineData("/daily/%3Cscript%3E/2026-02-03", 400)]
    public async Task Get_UnknownOrMalformedSourceOrDay_AnswersAnErrorPage(string path, int expected)
    {
        // Given robotics' digests only
        // When another source or a day robotics has no digest of (404), or a source that is no name or a day that is no day (400), is requested
        var (status, body, type) = await server.GetAsync(path);

        // Then the answer is that error as an HTML page, the input encoded
        Assert.Equal(expected, (int)status);
        Assert.Equal("text/html", type);
        Assert.Contains(expected == 404 ? "<h1>Not found</h1>" : "<h1>Bad request</h1>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Api_SourceDay_ReturnsThePapersWithTheirRelevance()
    {
        // Given robotics' digest of 2026-02-03
        // When the API is asked for it, and for the Hugging Face day of the same date
        using var response = await server.Client.GetAsync("/api/daily/robotics/2026-02-03");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        using var hf = JsonDocument.Parse(await server.Client.GetStringAsync("/api/daily/2026-02-03"));

        // Then the source's day is its daily JSON, most relevant first, each paper's relevance filled; the Hugging Face day has none
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://rss.arxiv.org/rss/cs.RO", json.GetProperty("source_url").GetString());
        var papers = json.GetProperty("papers");
        Assert.Equal(2, papers.GetArrayLength());
        Assert.Equal(F.TopId + "v1", papers[0].GetProperty("id").GetString());
        Assert.Equal(0.8123, papers[0].GetProperty("relevance").GetProperty("score").GetDouble());
        Assert.Equal(["like: Learning Dexterous Manipulation", "term: grasp"], papers[0].GetProperty("relevance").GetProperty("why").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(F.HostileWhy, papers[1].GetProperty("relevance").GetProperty("why")[0].GetString());
        Assert.Equal(F.TopSummary, papers[0].GetProperty("summaries").GetProperty("brief").GetProperty("summary").GetString());
        Assert.All(hf.RootElement.GetProperty("papers").EnumerateArray(), p => Assert.False(p.TryGetProperty("relevance", out _)));
    }

    [Theory]
    [InlineData("/api/daily/vision/2026-02-03", 404)]
    [InlineData("/api/daily/robotics/2026-01-01", 404)]
    [InlineData("/api/daily/robotics/2026-13-99", 400)]
    [InlineData("/api/daily/Robotics/2026-02-03", 400)]
    public async Task Api_UnknownOrMalformedSourceDay_AnswersProblem(string path, int expected)
    {
        // Given robotics' digests only
        // When an unknown or malformed source day is asked for
        using var response = await server.Client.GetAsync(path);

        // Then the answer is a problem with that status
        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheSourceDayWithTheDailySchema()
    {
        // Given the reader
        // When the OpenAPI document is requested
        using var doc = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json"));

        // Then the source's day is a path answering the daily schema, whose papers carry a relevance
        var get = doc.RootElement.GetProperty("paths").GetProperty("/api/daily/{source}/{date}").GetProperty("get");
        Assert.Equal("#/components/schemas/ApiDaily", get.GetProperty("responses").GetProperty("200").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal(["source", "date"], get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ApiDailyPaper").GetProperty("properties").TryGetProperty("relevance", out _));
    }

    [Fact]
    public async Task Feed_Source_IsAtomOfItsNewestDaysLinkingToItsArchive()
    {
        // Given robotics' two days
        // When its feed is requested
        var (status, body, type) = await server.GetAsync("/feeds/daily/robotics.atom");

        // Then it is Atom with the three papers, its alternate link the source's archive
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/atom+xml", type);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(body).Root!;
        Assert.Equal(3, feed.Elements(atom + "entry").Count());
        Assert.Equal(new Uri(server.BaseAddress, "daily/robotics").AbsoluteUri,
            feed.Elements(atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value);
    }

    [Fact]
    public async Task Site_SourceDigests_WritesTheirPagesFeedAndPapersWithLinksThatResolve()
    {
        // Given robotics' digests (one paper without a summary, listed nowhere else)
        var dir = Path.Combine(server.Store.Directory, "site-" + Guid.NewGuid().ToString("N"));

        // When the static site is written
        await server.Services.GetRequiredService<StaticSiteWriter>().WriteAsync(dir, "", CancellationToken.None);

        // Then the source's archive, days, feed and papers are written, and every relative link of its pages resolves
        string[] pages = ["daily/robotics/index.html", "daily/robotics/2026-02-03/index.html", "daily/robotics/2026-02-02/index.html", "daily/index.html"];
        Assert.All(pages, p => Assert.True(File.Exists(Path.Combine(dir, p)), p));
        Assert.True(File.Exists(Path.Combine(dir, "feeds/daily/robotics.atom")));
        Assert.True(File.Exists(Path.Combine(dir, "papers", F.SecondId, "index.html")));
        Assert.True(File.Exists(Path.Combine(dir, "daily/2026-02-03/index.html")));
        foreach (var page in pages)
        {
            var html = await File.ReadAllTextAsync(Path.Combine(dir, page));
            var hrefs = Regex.Matches(html, "href=\"([^\"#]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(h => !h.Contains(':', StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(hrefs);
            Assert.All(hrefs, h => Assert.True(File.Exists(Path.GetFullPath(Path.Combine(dir, Path.GetDirectoryName(page)!, h))), $"{page}: {h}"));
        }
        Assert.Contains("href=\"../daily/robotics/index.html\"", await File.ReadAllTextAsync(Path.Combine(dir, "daily/index.html")), StringComparison.Ordinal);
    }
}
