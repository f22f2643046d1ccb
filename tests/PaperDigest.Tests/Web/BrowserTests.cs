using Microsoft.Playwright;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Web;

/// <summary>The reader in a real headless chromium: browse, search, read, and no script from a paper ever runs.</summary>
public sealed class BrowserTests(ReaderServerFixture server) : IClassFixture<ReaderServerFixture>
{
    [BrowserFact]
    public async Task Reader_HomeSearchPaper_WorksInChromium()
    {
        // Given the reader and a headless chromium
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        page.SetDefaultTimeout(90_000);

        // When the home page is opened, a Chinese search is typed, and the first result is opened
        await page.GotoAsync(server.BaseAddress.AbsoluteUri);
        var heading = await page.InnerTextAsync("h1");
        await page.FillAsync("header input[name=q]", "稀疏混合专家");
        await page.PressAsync("header input[name=q]", "Enter");
        await AtAsync(page, "**/search?q=*", "ol.results li");
        var results = await page.Locator("ol.results li").CountAsync();
        await page.ClickAsync("ol.results li a");
        await AtAsync(page, $"**/papers/{ReaderSeed.ChineseId}", "section.summary-block");
        var title = await page.InnerTextAsync("h1");
        var summaries = await page.Locator("section.summary-block").CountAsync();
        await page.ClickAsync("nav a:has-text('Trends')");
        await AtAsync(page, "**/trends", "main svg");
        var charts = await page.Locator("main svg, main ul.bars").CountAsync();

        // Then each step shows what it should
        Assert.Equal("Papers for 2026-02-03", heading);
        Assert.Equal(1, results);
        Assert.Equal("Sparse Mixture of Experts for Efficient Reasoning", title);
        Assert.Equal(2, summaries);
        Assert.Equal(2, charts); // per day (SVG) and per topic (list); no keyword repeats in the seed, so that section says so
    }

    [BrowserFact]
    public async Task Reader_HostileTitle_IsShownAsTextAndNothingRuns()
    {
        // Given a page that fails the test on any dialog
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        // When the hostile paper is shown on the home page, in search results and on its own page
        await page.GotoAsync(server.BaseAddress.AbsoluteUri);
        var homeXss = await page.EvaluateAsync<bool>("() => window.__xss !== undefined");
        await page.GotoAsync(new Uri(server.BaseAddress, "search?q=attention").AbsoluteUri);
        var searchXss = await page.EvaluateAsync<bool>("() => window.__xss !== undefined");
        await page.GotoAsync(new Uri(server.BaseAddress, "papers/" + ReaderSeed.XssId).AbsoluteUri);
        var title = await page.Locator("h1").TextContentAsync();
        var paperXss = await page.EvaluateAsync<bool>("() => window.__xss !== undefined");
        var scripts = await page.Locator("script").CountAsync();
        var images = await page.Locator("main img").CountAsync();

        // Then the title reads as written, no script element exists, and nothing ran
        Assert.Equal(ReaderSeed.XssTitle, title);
        Assert.Equal(0, scripts);
        Assert.Equal(0, images);
        Assert.False(homeXss || searchXss || paperXss, "window.__xss was set: a script from a paper ran");
        Assert.Empty(dialogs);
    }

    /// <summary>
    /// Waits until the page has gone to <paramref name="url"/> and shows <paramref name="selector"/>. It waits for the
    /// commit and an element, not for the load event: on a loaded CI machine chromium's load event for a
    /// navigation that committed during the click was once never seen by WaitForURL (90 s timeout, "NetworkIdle fired").
    /// </summary>
    private static async Task AtAsync(IPage page, string url, string selector)
    {
        await page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator(selector).First.WaitForAsync();
    }

    private static string AxeScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var axe = Path.Combine(dir.FullName, "tests", "browser", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(axe)) return File.ReadAllText(axe);
        }
        Assert.Fail("The axe test needs axe-core: run `npm ci` (or `npm install`) in tests/browser.");
        return "";
    }

    [BrowserFact]
    public async Task Reader_EveryPageLightDarkDesktopPhone_NoSeriousAxeViolations()
    {
        // Given axe-core (WCAG 2.2 AA rules) and chromium, light and dark, desktop and phone
        string[] paths = ["", "daily", "daily/2026-02-03", "papers/" + ReaderSeed.ChineseId, "papers/" + ReaderSeed.CodeId, "topics/",
            "topics/" + Uri.EscapeDataString(ReaderSeed.Topic), "trends", "search?q=agents", "search", "papers/2609.99999"];

        // When axe checks each page
        var (checkedPages, violations) = await AxeAsync(server.BaseAddress, paths);

        // Then there is no serious or critical violation anywhere
        Assert.Equal(4 * paths.Length, checkedPages);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>axe-core's serious and critical WCAG 2.2 AA violations on each page, light and dark, desktop and phone.</summary>
    internal static async Task<(int Checked, List<string> Violations)> AxeAsync(Uri baseAddress, IReadOnlyList<string> paths)
    {
        var axe = AxeScript();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var violations = new List<string>();
        var checkedPages = 0;
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
            {
                // The reader's CSP forbids every script; the test bypasses it to inject axe (the pages themselves run none).
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BypassCSP = true,
                    ColorScheme = scheme,
                    ViewportSize = new ViewportSize { Width = width, Height = height },
                });
                var page = await context.NewPageAsync();
                page.SetDefaultTimeout(90_000);
                foreach (var path in paths)
                {
                    await page.GotoAsync(new Uri(baseAddress, path).AbsoluteUri);
                    await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = axe });
                    var found = await page.EvaluateAsync<string[]>("""
                        async () => {
                          const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
                          return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
                        }
                        """);
                    violations.AddRange(found.Select(v => $"{scheme} {width}px /{path}: {v}"));
                    checkedPages++;
                }
            }
        return (checkedPages, violations);
    }
}
