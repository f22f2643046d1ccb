using Microsoft.Playwright;

namespace PaperDigest.Tests.TestSupport;

/// <summary>
/// A browser test: headless Debian chromium through Playwright (which never downloads a browser here). Skipped only when
/// PAPERDIGEST_SKIP_BROWSER=1; without /usr/bin/chromium the test fails and says how to install it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PAPERDIGEST_SKIP_BROWSER") == "1") Skip = "PAPERDIGEST_SKIP_BROWSER=1";
    }
}

/// <summary>Starts headless chromium from /usr/bin/chromium, or fails with the install command.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Path))
            Assert.Fail($"Browser tests need Debian chromium at {Path}: run `apt-get update && apt-get install -y chromium`, or set PAPERDIGEST_SKIP_BROWSER=1 to skip them.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Timeout = 120_000, // a shared 2-core CI machine under load can take long to start chromium
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        });
        return (playwright, browser);
    }
}
