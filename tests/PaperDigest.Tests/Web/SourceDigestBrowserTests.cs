using Microsoft.Playwright;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Web;

/// <summary>A named source's pages (`daily --source`) in a real headless chromium: accessible, and no "why" text ever runs.</summary>
public sealed class SourceDigestBrowserTests(SourceDigestServerFixture server) : IClassFixture<SourceDigestServerFixture>
{
    [BrowserFact]
    public async Task SourcePages_LightDarkDesktopPhone_NoSeriousAxeViolations()
    {
        // Given axe-core and chromium, and the archive, the source's archive and one of its days
        string[] paths = ["daily", "daily/robotics/", "daily/robotics/2026-02-03"];

        // When axe checks each page
        var (checkedPages, violations) = await BrowserTests.AxeAsync(server.BaseAddress, paths);

        // Then there is no serious or critical violation
        Assert.Equal(4 * paths.Length, checkedPages);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [BrowserFact]
    public async Task SourceDay_WhyHoldsAScript_NothingRunsAndItReadsAsText()
    {
        // Given chromium and a source day whose "why" holds a script tag
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(90_000);

        // When the day is shown
        await page.GotoAsync(new Uri(server.BaseAddress, "daily/robotics/2026-02-03").AbsoluteUri);
        var ran = await page.EvaluateAsync<bool>("() => window.__xss !== undefined");
        var scripts = await page.Locator("script").CountAsync();
        var reasons = await page.Locator("p.relevance").AllTextContentsAsync();

        // Then no script exists or ran, and the reason reads as written
        Assert.False(ran, "window.__xss was set: a script from a why entry ran");
        Assert.Equal(0, scripts);
        Assert.Contains(reasons, r => r.Contains(SourceDigestServerFixture.HostileWhy, StringComparison.Ordinal));
    }
}
