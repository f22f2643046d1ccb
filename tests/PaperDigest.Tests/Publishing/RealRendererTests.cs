using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PaperDigest.Papers;
using PaperDigest.Publishing;
using PaperDigest.Summaries;
using PaperDigest.Tests.TestSupport;
using PaperDigest.Tracker;

namespace PaperDigest.Tests.Publishing;

/// <summary>
/// What PaperDigest writes, rendered by the real renderers readers use: GitHub's cmark-gfm and GitHub Pages' Jekyll
/// (Liquid, then kramdown with GFM input); the assertions are on the rendered HTML.
/// </summary>
public sealed class RealRendererTests : IDisposable
{
    private const string HostileAbstract = "See [click](javascript:alert(1)) and <script>alert(2)</script>; {{ site.time }} in "
        + @"\mathbb{R}^{{d}} and {% include x.html %} end.";

    private readonly string _dir = Directory.CreateTempSubdirectory("pd-render-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RenderersFact("jekyll")]
    public async Task TrackerPage_CorpusAbstractsWithLiquidAndHostileText_JekyllBuildsAndShowsThemVerbatim()
    {
        // Given the tracker page with the two real corpus abstracts holding "{{", a hostile row, and a keywords digest
        // whose model text holds Liquid, as GitHub Pages would build them (kramdown, GFM input)
        var rows = (await CorpusAbstracts()).Append(HostileRow()).ToList();
        var page = new TrackerPage(new DateOnly(2026, 7, 1), [new TrackerTopic("Math {{ site.time }}", rows, 10)]);
        var site = Directory.CreateDirectory(Path.Combine(_dir, "site")).FullName;
        await File.WriteAllTextAsync(Path.Combine(site, "_config.yml"), "markdown: kramdown\nkramdown:\n  input: GFM\n");
        await File.WriteAllTextAsync(Path.Combine(site, "index.md"), TrackerPageRenderer.Render(page));
        await File.WriteAllTextAsync(Path.Combine(site, "digest.md"), "---\n---\n" + DigestMarkdownRenderer.Render(HostileDigest(), SummaryStyles.Keywords));

        // When Jekyll builds the site
        await RenderersFactAttribute.Run("jekyll", site, "build", "--quiet", "--source", site, "--destination", Path.Combine(_dir, "out"));

        // Then the build passes, every abstract reads as written (no Liquid evaluated, no text lost), and nothing is a live script link
        var html = await File.ReadAllTextAsync(Path.Combine(_dir, "out", "index.html"));
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains(@"\sqrt{{\mu}U", text);
        Assert.Contains("{{ site.time }}", text);
        Assert.Contains(@"\mathbb{R}^{{d}}", text);
        Assert.Contains("{% include x.html %}", text);
        Assert.Contains("Math {{ site.time }}", text);
        Assert.Contains("[click](javascript:alert(1))", text);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(rows.Count, Regex.Matches(html, "<tr>").Count - 1);
        var digest = WebUtility.HtmlDecode(await File.ReadAllTextAsync(Path.Combine(_dir, "out", "digest.html")));
        Assert.Contains("{{ site.time }}", digest);
    }

    [RenderersFact("cmark-gfm")]
    public async Task TrackerPage_HostileAbstract_CmarkGfmShowsTextNoLinkNoHtml()
    {
        // Given
        var page = new TrackerPage(new DateOnly(2026, 7, 1), [new TrackerTopic("T", [HostileRow()], 10)]);

        // When GitHub's renderer reads the README
        var html = await CmarkGfm(TrackerPageRenderer.Render(page));

        // Then one row, the title its only arXiv link, the hostile parts literal text
        Assert.Single(Regex.Matches(html, "<td align=\"left\"><strong>2026-07-01</strong></td>"));
        Assert.Single(Regex.Matches(html, "<a href=\"http://arxiv.org/abs/2601.00001\">"));
        Assert.DoesNotContain("javascript:alert(1)\"", html);
        Assert.Contains("[click](javascript:alert(1))", WebUtility.HtmlDecode(html));
        Assert.Contains("&lt;script&gt;", html);
    }

    [RenderersFact("cmark-gfm")]
    public async Task Digests_HostileModelText_CmarkGfmKeepsLabelsBoldAndModelTextInert()
    {
        // Given a digest whose model wrote CJK-adjacent bold, stray stars, HTML, a script link and a heading on a new line
        var digest = HostileDigest();

        foreach (var style in new[] { SummaryStyles.Keywords, SummaryStyles.Brief })
        {
            // When GitHub's renderer reads it
            var html = await CmarkGfm(DigestMarkdownRenderer.Render(digest, style));

            // Then no raw HTML, no script link, one h1 (the date) and one h2 per paper, no literal "**" left,
            // and in keywords every label and keyword bold on its own (bold never runs across a label)
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("<b>", html);
            Assert.DoesNotContain("href=\"javascript", html);
            Assert.Single(Regex.Matches(html, "<h1>"));
            Assert.Equal(digest.Entries.Count, Regex.Matches(html, "<h2>").Count);
            Assert.DoesNotContain("**", html);
            Assert.Contains("&lt;b&gt;粗体&lt;/b&gt;", html);
            Assert.Contains("设计了一个logit引导重注意力（LRA）模块", html);
            if (style == SummaryStyles.Keywords)
            {
                foreach (var strong in new[] { "核心关键词", "GPT-4o*", "课程学习", "&lt;script&gt;x&lt;/script&gt;", "一句话核心摘要", "主要研究问题或目标", "关键方法论", "主要成果", "重点" })
                    Assert.Contains($"<strong>{strong}</strong>", html);
                Assert.Contains("<strong>7.5⚠</strong>", html);
            }
        }
    }

    [RenderersFact("cmark-gfm")]
    public async Task Report_HostileModelItems_CmarkGfmKeepsTheListStructure()
    {
        // Given a report whose list items start like a heading, a list item or a rule
        var digest = DigestSamples.Report("zh");
        var entry = digest.Entries[0];
        var report = entry.Summaries["report"];
        var fields = (JsonObject)report.Fields.DeepClone();
        fields["innovations"] = new JsonArray("# 不是标题", "- 不是子项", "===", "**首创**方法<b>x</b>");
        fields["results"] = new JsonArray("1. 不是编号", "[链接](javascript:alert(1))");
        var hostile = digest with { Entries = [entry with { Summaries = new Dictionary<string, StoredSummary> { ["report"] = report with { Fields = fields } } }, .. digest.Entries.Skip(1)] };

        // When
        var html = await CmarkGfm(DigestMarkdownRenderer.Render(hostile, SummaryStyles.Report));

        // Then the only headings are the renderer's; the items are text in the renderer's lists
        Assert.Single(Regex.Matches(html, "<h1>"));
        Assert.Equal(hostile.Entries.Count, Regex.Matches(html, "<h2>").Count);
        Assert.Contains("<li># 不是标题</li>", html);
        Assert.Contains("<li>- 不是子项</li>", html);
        Assert.Contains("<li>1. 不是编号</li>", html);
        Assert.Contains("<strong>首创</strong>方法&lt;b&gt;x&lt;/b&gt;", html);
        Assert.DoesNotContain("href=\"javascript", html);
    }

    private async Task<string> CmarkGfm(string markdown)
    {
        var file = Path.Combine(_dir, $"{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(file, markdown);
        var (html, _) = await RenderersFactAttribute.Run("cmark-gfm", _dir, "--extension", "table", "--extension", "autolink",
            "--extension", "strikethrough", "--extension", "tagfilter", file);
        return html;
    }

    private static TrackerRow HostileRow() =>
        new(ArxivId.Parse("2601.00001"), "A [title](javascript:x) {{ site.time }}", new DateOnly(2026, 7, 1), null, HostileAbstract);

    /// <summary>2504.10584 and 2602.12904 of ../shared/corpus: real abstracts holding "{{".</summary>
    private async Task<IEnumerable<TrackerRow>> CorpusAbstracts()
    {
        var corpus = Path.Combine(Fixtures.SharedDir, "corpus", "arxiv_papers_18k.jsonl.xz");
        var (lines, _) = await RenderersFactAttribute.Run("sh", _dir, "-c", $"xz -dc '{corpus}' | grep -E '^\\{{\"id\": \"(2504\\.10584|2602\\.12904)\"'");
        var rows = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())
            .Select(o => new TrackerRow(ArxivId.Parse((string)o["id"]!), (string)o["title"]!, new DateOnly(2026, 6, 1), null, (string)o["summary"]!))
            .ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Contains("{{", r.Abstract));
        return rows;
    }

    private static Digest HostileDigest()
    {
        var digest = DigestSamples.TwoPapers("zh");
        var entry = digest.Entries[0];
        const string cjk = "设计了一个**logit引导重注意力（LRA）**模块，**重点**是 <b>粗体</b> 与 [链接](javascript:alert(1))\n# 标题 {{ site.time }}";
        var keywords = entry.Summaries["keywords"] with
        {
            Fields = new JsonObject
            {
                ["keywords"] = new JsonArray("GPT-4o*", "**课程学习**", "<script>x</script>", "7.5"),
                ["one_sentence_summary"] = cjk,
                ["research_question"] = "*单星",
                ["methodology"] = "_下划线",
                ["main_results"] = "提升**7.5",
                ["implications"] = "`代码",
            },
            Unsupported = ["7.5"],
        };
        var brief = entry.Summaries["brief"] with
        {
            Fields = new JsonObject
            {
                ["summary"] = cjk, ["research_question"] = "**未闭合", ["key_methods"] = "a**b", ["main_results"] = "<b>x</b>", ["implications"] = "末尾**",
            },
        };
        return digest with { Entries = [entry with { Summaries = new Dictionary<string, StoredSummary> { ["keywords"] = keywords, ["brief"] = brief } }, .. digest.Entries.Skip(1)] };
    }
}
