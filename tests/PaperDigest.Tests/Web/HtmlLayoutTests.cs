using PaperDigest.Web;

namespace PaperDigest.Tests.Web;

public sealed class HtmlLayoutTests
{
    [Fact]
    public void Page_StaticSite_HasNoSearchBoxTheServerHasOne()
    {
        // Given the same page for the static site and for the server
        var staticPage = HtmlLayout.Page("Archive", "<h1>Archive</h1>", WebLinks.StaticAt("daily/index.html"));
        var serverPage = HtmlLayout.Page("Archive", "<h1>Archive</h1>", WebLinks.Server);

        // Then only the server, which can search, shows the search box
        Assert.DoesNotContain("role=\"search\"", staticPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<input", staticPage, StringComparison.Ordinal);
        Assert.Contains("<form class=\"search\" role=\"search\" method=\"get\" action=\"/search\">", serverPage, StringComparison.Ordinal);
        Assert.Contains("</header>\n<main>\n<h1>Archive</h1>", staticPage, StringComparison.Ordinal);
    }
}
