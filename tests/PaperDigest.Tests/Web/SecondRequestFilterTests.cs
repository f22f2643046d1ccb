using PaperDigest.Web;

namespace PaperDigest.Tests.Web;

public sealed class SecondRequestFilterTests
{
    [Fact]
    public void SeenBefore_SamePathTwice_FalseThenTrue()
    {
        // Given a filter
        var filter = new SecondRequestFilter();

        // When a path is asked for twice, and another once
        var first = filter.SeenBefore("/papers/2602.02276");
        var second = filter.SeenBefore("/papers/2602.02276");
        var other = filter.SeenBefore("/papers/2602.00666");

        // Then only the repeat counts as seen
        Assert.False(first);
        Assert.True(second);
        Assert.False(other);
    }

    [Fact]
    public void SeenBefore_MorePathsThanItsCapacity_StaysBoundedAndForgetsTheOld()
    {
        // Given a filter that has seen one path, then more distinct paths than its capacity (a crawl)
        var filter = new SecondRequestFilter();
        filter.SeenBefore("/papers/old");
        for (var i = 0; i < SecondRequestFilter.Capacity + 10; i++) Assert.False(filter.SeenBefore($"/papers/{i}"));

        // When the first path comes again
        var again = filter.SeenBefore("/papers/old");

        // Then it has been forgotten (memory is bounded), and is remembered from now on
        Assert.False(again);
        Assert.True(filter.SeenBefore("/papers/old"));
    }
}
