using PaperDigest.Search;
using PaperDigest.Web;

namespace PaperDigest.Tests.Web;

public sealed class SearchPageRendererTests
{
    private static SearchPage Page(int page, int hits, int total, bool bounded)
    {
        Assert.True(SearchTerms.TryParse("model", out var terms, out _));
        var found = Enumerable.Range(1, hits).Select(i => new SearchHit($"2601.{i:00000}", null, $"Model {i}", ["Ada"], null, "A model.", -1)).ToList();
        return new SearchPage(new SearchQuery("model", Page: page), terms, found, total, bounded);
    }

    private static string Render(SearchPage page) =>
        SearchPageRenderer.Render(new SearchForm("model", "", "", "", false, page.Query.Page), page, null, [], WebLinks.Server);

    [Fact]
    public void Render_BoundedSearch_SaysAtLeastAndHowToNarrow()
    {
        // Given a bounded page of 20 hits out of 2,500 ranked candidates
        var page = Page(1, 20, 2500, bounded: true);

        // When rendered
        var html = Render(page);

        // Then the total reads as a lower bound, with the way to see other papers
        Assert.Contains("At least 2,500 papers match; 1–20 shown.", html, StringComparison.Ordinal);
        Assert.Contains("only the best 2,500 are ranked: add words or filters to narrow the search", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BoundedPagePastTheCandidates_NoMoreRankedResults()
    {
        // Given page 200 of a bounded search of 2,500 candidates (125 pages)
        var page = Page(200, 0, 2500, bounded: true);

        // When rendered
        var html = Render(page);

        // Then it says there is nothing more on this page, and why
        Assert.Contains("At least 2,500 papers match; no more results on this page.", html, StringComparison.Ordinal);
        Assert.Contains("add words or filters to narrow the search", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ExactSearch_PlainTotal()
    {
        // Given an exact page of 3 hits
        var html = Render(Page(1, 3, 3, bounded: false));

        // Then the total is plain
        Assert.Contains("3 papers match; 1–3 shown.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("At least", html, StringComparison.Ordinal);
    }
}
