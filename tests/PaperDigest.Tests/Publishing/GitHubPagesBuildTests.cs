using System.Net;
using System.Text.RegularExpressions;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Publishing;

/// <summary>
/// The daily digests as `daily` writes them and GitHub Pages serves them: the folder committed by daily.yml, no front
/// matter, built by the real Jekyll with GitHub Pages' default plugins (optional front matter, README as index,
/// relative links, titles from headings) and kramdown with GFM input.
/// </summary>
public sealed class GitHubPagesBuildTests : DailyFakesTest
{
    private const string Day = "2026-02-03";

    /// <summary>What real models write: bold against CJK punctuation, raw HTML, a script link, Liquid, a heading on a new line.</summary>
    private const string ModelMarkdown = "，设计了一个**logit引导重注意力（LRA）**模块 <b>粗体</b> <script>alert(1)</script> [链接](javascript:alert(2)) "
        + "{{ site.time }} {% include x.html %}\n# 不是标题";

    protected override Task StartedAsync()
    {
        HfServer.SetDayFromFixture(Day, "hf_daily_papers/daily_papers_2026-02-03.json");
        return Task.CompletedTask;
    }

    [RenderersFact("jekyll")]
    public async Task DailyDigests_AsCommitted_GitHubPagesJekyllBuildsThemWithModelTextInert()
    {
        // Given: a day's digests in two styles written by `daily` from a model that writes hostile Markdown,
        // in a repository laid out as daily.yml commits it, with GitHub Pages' configuration
        LlmServer.ModelMarkdown = ModelMarkdown;
        var daily = await Cli.RunAsync("daily", "--date", Day, "--limit", "3", "--style", "brief", "--style", "keywords", "--out", "repo");
        Assert.Equal(0, daily.ExitCode);
        var repo = Path.Combine(Cli.Dir, "repo");
        await File.WriteAllTextAsync(Path.Combine(repo, "README.md"), "# Daily AI papers\n\nSee [the brief digest](daily/" + Day + ".brief.md).\n");
        const string plugins = "\n  - jekyll-optional-front-matter\n  - jekyll-readme-index\n  - jekyll-relative-links\n  - jekyll-titles-from-headings";
        await File.WriteAllTextAsync(Path.Combine(repo, "_config.yml"), "markdown: kramdown\nkramdown:\n  input: GFM\nplugins:" + plugins + "\nwhitelist:" + plugins + "\n");

        // When Jekyll builds it as GitHub Pages does
        var site = Path.Combine(Cli.Dir, "_site");
        await RenderersFactAttribute.Run("jekyll", repo, "build", "--quiet", "--safe", "--source", repo, "--destination", site);

        // Then every digest is a page, its papers one heading each, the model's text literal (no Liquid run, no HTML, no live script link)
        var index = await File.ReadAllTextAsync(Path.Combine(site, "index.html"));
        Assert.Matches($"href=\"/?daily/{Day}\\.brief\\.html\"", index); // relative links rewritten to the built page
        foreach (var style in new[] { "brief", "keywords" })
        {
            var html = await File.ReadAllTextAsync(Path.Combine(site, "daily", $"{Day}.{style}.html"));
            var text = WebUtility.HtmlDecode(html);
            Assert.Single(Regex.Matches(html, "<h1[ >]"));
            Assert.Equal(3, Regex.Matches(html, "<h2[ >]").Count);
            Assert.Contains("{{ site.time }}", text);
            Assert.Contains("{% include x.html %}", text);
            Assert.Contains("<b>粗体</b>", text); // shown as text, not as markup
            Assert.DoesNotContain("<b>", html);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("**", text);
            Assert.Contains("logit引导重注意力（LRA）", text);
        }
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(repo, "daily", Day + ".json")), await File.ReadAllTextAsync(Path.Combine(site, "daily", Day + ".json")));
    }
}
