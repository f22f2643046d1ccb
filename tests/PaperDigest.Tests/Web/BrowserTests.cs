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
        await page.WaitForURLAsync("**/search?q=*");
        var results = await page.Locator("ol.results li").CountAsync();
        await page.ClickAsync("ol.results li a");
        await page.WaitForURLAsync($"**/papers/{ReaderSeed.ChineseId}");
        var title = await page.InnerTextAsync("h1");
        var summaries = await page.Locator("section.summary-block").CountAsync();
        await page.ClickAsync("nav a:has-text('Trends')");
        await page.WaitForURLAsync("**/trends");
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
}
