using System.Text.Json.Nodes;
using PaperDigest.Search;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Search;

public sealed class SearchStoreTests
{
    private static async Task<SearchPage> SearchAsync(TempStore store, string text, SearchQuery? query = null)
    {
        Assert.True(SearchTerms.TryParse(text, out var terms, out var error), error);
        return await store.Search.SearchAsync(query ?? new SearchQuery(text), terms, CancellationToken.None);
    }

    [Fact]
    public async Task SearchAsync_TitleHitAndAbstractHit_TitleRanksFirst()
    {
        // Given one paper with the word in its abstract only (twice) and one with it in its title
        using var store = new TempStore();
        await store.Papers.UpsertAsync(
        [
            TempStore.Paper("2601.00001", "A study of attention", "We use diffusion models. Diffusion is strong here."),
            TempStore.Paper("2601.00002", "Diffusion for text generation", "We study generation of text with a new model."),
        ], CancellationToken.None);

        // When searching for the word
        var page = await SearchAsync(store, "diffusion");

        // Then both match and the title hit ranks above the abstract-only hit
        Assert.Equal(["2601.00002", "2601.00001"], page.Hits.Select(h => h.Id));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task SearchAsync_ChineseQueries_FindChineseSummaries()
    {
        // Given a paper whose only Chinese text is in a stored summary
        using var store = new TempStore();
        await store.Papers.UpsertAsync([TempStore.Paper("2601.00003", "Sparse experts", "We route tokens to experts.")], CancellationToken.None);
        await store.Papers.UpsertAsync([TempStore.Paper("2601.00004", "Other paper", "Nothing related.")], CancellationToken.None);
        await store.SummaryAsync("2601.00003", "brief", new JsonObject { ["summary"] = "本文提出一种稀疏混合专家模型，提升大语言模型的推理效率。" });

        // When searching with a long Chinese term, a two-character term, and a mixed query
        var longTerm = await SearchAsync(store, "混合专家模型");
        var shortTerm = await SearchAsync(store, "推理");
        var mixed = await SearchAsync(store, "experts 稀疏");

        // Then each finds the paper, with a Chinese snippet
        Assert.Equal(["2601.00003"], longTerm.Hits.Select(h => h.Id));
        Assert.Equal(["2601.00003"], shortTerm.Hits.Select(h => h.Id));
        Assert.Equal(["2601.00003"], mixed.Hits.Select(h => h.Id));
        Assert.Contains("混合专家", longTerm.Hits[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_OneAndTwoCharacterChineseTerms_MatchAnywhereIncludingTheEnd()
    {
        // Given summaries where the short terms stand at the very end of the text
        using var store = new TempStore();
        await store.Papers.UpsertAsync([TempStore.Paper("2601.00011", "Cats", "About cats."), TempStore.Paper("2601.00012", "Dogs", "About dogs.")], CancellationToken.None);
        await store.SummaryAsync("2601.00011", "brief", new JsonObject { ["summary"] = "研究对象是猫" });
        await store.SummaryAsync("2601.00012", "brief", new JsonObject { ["summary"] = "本文讨论模型量化" });

        // When searching for a one-character and a two-character term, and a term that occurs nowhere
        var one = await SearchAsync(store, "猫");
        var two = await SearchAsync(store, "量化");
        var none = await SearchAsync(store, "鲸");

        // Then each finds exactly its paper
        Assert.Equal(["2601.00011"], one.Hits.Select(h => h.Id));
        Assert.Equal(["2601.00012"], two.Hits.Select(h => h.Id));
        Assert.Empty(none.Hits);
    }

    [Fact]
    public async Task SearchAsync_SummaryRewritten_IndexFollows()
    {
        // Given a summary that is replaced by a newer one
        using var store = new TempStore();
        await store.Papers.UpsertAsync([TempStore.Paper("2601.00005", "Agents", "Tool use.")], CancellationToken.None);
        await store.SummaryAsync("2601.00005", "brief", new JsonObject { ["summary"] = "旧的摘要内容：强化学习" });
        await store.SummaryAsync("2601.00005", "brief", new JsonObject { ["summary"] = "新的摘要内容：知识蒸馏" });

        // When searching for the old and the new text
        var old = await SearchAsync(store, "强化学习");
        var fresh = await SearchAsync(store, "知识蒸馏");

        // Then only the new text is found
        Assert.Empty(old.Hits);
        Assert.Single(fresh.Hits);
    }

    [Theory]
    [InlineData("AND (")]
    [InlineData("\"unbalanced")]
    [InlineData("*")]
    [InlineData("a NEAR b")]
    [InlineData("title:diffusion OR ^x {a b}")]
    [InlineData("-diffusion + \"\" ''")]
    public async Task SearchAsync_FtsSyntaxInQuery_NeverThrows(string text)
    {
        // Given a store with a paper
        using var store = new TempStore();
        await store.Papers.UpsertAsync([TempStore.Paper("2601.00006", "Diffusion and NEAR things", "a b")], CancellationToken.None);

        // When the query is made of FTS syntax
        var page = await SearchAsync(store, text);

        // Then it runs as plain text
        Assert.NotNull(page);
    }

    [Fact]
    public void TryParse_TenKilobyteQuery_FailsWithReason()
    {
        // Given a 10 KB query
        var text = string.Concat(Enumerable.Repeat("diffusion ", 1024));

        // When it is parsed
        var ok = SearchTerms.TryParse(text, out _, out var error);

        // Then it is refused with a reason
        Assert.False(ok);
        Assert.Contains("too long", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_Filters_NarrowResults()
    {
        // Given papers of different dates, topics and code
        using var store = new TempStore();
        await store.Papers.UpsertAsync(
        [
            TempStore.Paper("2601.00007", "Retrieval one", "rag", new DateOnly(2026, 1, 5), "https://github.com/a/b"),
            TempStore.Paper("2601.00008", "Retrieval two", "rag", new DateOnly(2026, 2, 5)),
        ], CancellationToken.None);
        await store.TopicAsync("2601.00008", "RAG");

        // When filtering by date, topic and code
        var byDate = await SearchAsync(store, "retrieval", new SearchQuery("retrieval", From: new DateOnly(2026, 2, 1), To: new DateOnly(2026, 2, 28)));
        var byTopic = await SearchAsync(store, "retrieval", new SearchQuery("retrieval", Topic: "RAG"));
        var byCode = await SearchAsync(store, "retrieval", new SearchQuery("retrieval", HasCode: true));
        var paged = await SearchAsync(store, "retrieval", new SearchQuery("retrieval", Page: 2, PageSize: 1));

        // Then each filter keeps the right paper, and paging keeps the total
        Assert.Equal(["2601.00008"], byDate.Hits.Select(h => h.Id));
        Assert.Equal(["2601.00008"], byTopic.Hits.Select(h => h.Id));
        Assert.Equal(["2601.00007"], byCode.Hits.Select(h => h.Id));
        Assert.Single(paged.Hits);
        Assert.Equal(2, paged.Total);
    }

    /// <summary>Tiny caps, so that a dozen papers are "too many to rank"; the cost budget never limits here.</summary>
    private static readonly SearchOptions Tiny = new() { RankCap = 4, CandidateCap = 3, FillCap = 2 };

    /// <summary>
    /// Ten papers about graphs: 2601.01001-01003 have the word in their titles (oldest first), 01004-01010 in their
    /// abstracts only; then twelve about other things, so that no word is in half the papers (a near-stopword).
    /// </summary>
    private static async Task<TempStore> GraphStoreAsync()
    {
        var store = new TempStore();
        await store.Papers.UpsertAsync(
        [
            TempStore.Paper("2601.01001", "Graph learning", "We study structure."),
            TempStore.Paper("2601.01002", "Graph transformers for graph tasks", "A graph model."),
            TempStore.Paper("2601.01003", "Sparse graph attention", "Efficient attention."),
            .. Enumerable.Range(4, 7).Select(i => TempStore.Paper($"2601.010{i:00}", $"Paper {i}", $"We build a graph of {i} nodes for retrieval.")),
        ], CancellationToken.None);
        await store.Papers.UpsertAsync([.. Enumerable.Range(1, 12).Select(i => TempStore.Paper($"2601.020{i:00}", $"Other {i}", "Nothing alike."))], CancellationToken.None);
        return store;
    }

    [Fact]
    public async Task SearchAsync_MoreMatchesThanRankCap_RanksTitleMatchesFirstAndTotalIsALowerBound()
    {
        // Given ten matches and a rank cap of four
        using var store = await GraphStoreAsync();
        var search = new SearchStore(store.Sqlite, Tiny);
        Assert.True(SearchTerms.TryParse("graph", out var terms, out _));

        // When searching for the word
        var page = await search.SearchAsync(new SearchQuery("graph"), terms, CancellationToken.None);

        // Then the search is bounded: the three title matches come first, then the two newest others, and the total
        // counts those five candidates as a lower bound
        Assert.True(page.Bounded);
        Assert.Equal(5, page.Total);
        Assert.Equal(["2601.01001", "2601.01002", "2601.01003"], page.Hits.Take(3).Select(h => h.Id).Order());
        Assert.Equal(["2601.01009", "2601.01010"], page.Hits.Skip(3).Select(h => h.Id).Order());
    }

    [Fact]
    public async Task SearchAsync_BoundedTitleMatches_KeepExactBm25Order()
    {
        // Given ten matches, three of them in titles
        using var store = await GraphStoreAsync();
        Assert.True(SearchTerms.TryParse("graph", out var terms, out _));

        // When searching bounded (tiny caps) and exactly (no cap)
        var bounded = await new SearchStore(store.Sqlite, Tiny).SearchAsync(new SearchQuery("graph"), terms, CancellationToken.None);
        var exact = await new SearchStore(store.Sqlite, new SearchOptions { RankCap = int.MaxValue }).SearchAsync(new SearchQuery("graph"), terms, CancellationToken.None);

        // Then the bounded page orders its candidates as exact BM25 does, with the same scores
        Assert.False(exact.Bounded);
        Assert.Equal(10, exact.Total);
        var candidates = bounded.Hits.Select(h => h.Id).ToHashSet();
        Assert.Equal(exact.Hits.Where(h => candidates.Contains(h.Id)).Select(h => (h.Id, h.Rank)), bounded.Hits.Select(h => (h.Id, h.Rank)));
        Assert.Equal("2601.01002", exact.Hits[0].Id);
    }

    [Fact]
    public async Task SearchAsync_FewerMatchesThanRankCap_SameOrderAsExactRanking()
    {
        // Given ten graph papers, four of which mention retrieval with different weights
        using var store = await GraphStoreAsync();
        await store.Papers.UpsertAsync([TempStore.Paper("2601.01011", "Retrieval of graphs", "Retrieval retrieval.")], CancellationToken.None);
        Assert.True(SearchTerms.TryParse("retrieval", out var terms, out _));

        // When searching with the default options, with tiny caps, and exactly
        var byDefault = await store.Search.SearchAsync(new SearchQuery("retrieval"), terms, CancellationToken.None);
        var small = await new SearchStore(store.Sqlite, Tiny with { RankCap = 8 }).SearchAsync(new SearchQuery("retrieval"), terms, CancellationToken.None);
        var exact = await new SearchStore(store.Sqlite, new SearchOptions { RankCap = int.MaxValue }).SearchAsync(new SearchQuery("retrieval"), terms, CancellationToken.None);

        // Then all three rank every match, in the same order
        Assert.Equal(8, exact.Total);
        Assert.Equal("2601.01011", exact.Hits[0].Id);
        Assert.All([byDefault, small], page =>
        {
            Assert.False(page.Bounded);
            Assert.Equal(exact.Hits.Select(h => h.Id), page.Hits.Select(h => h.Id));
        });
    }

    [Fact]
    public async Task SearchAsync_PagePastTheCandidates_EmptyPageWithTheTotal()
    {
        // Given a bounded search of five candidates
        using var store = await GraphStoreAsync();
        var search = new SearchStore(store.Sqlite, Tiny);
        Assert.True(SearchTerms.TryParse("graph", out var terms, out _));

        // When asking for page 2 of 3-result pages, and for page 9
        var second = await search.SearchAsync(new SearchQuery("graph", Page: 2, PageSize: 3), terms, CancellationToken.None);
        var ninth = await search.SearchAsync(new SearchQuery("graph", Page: 9, PageSize: 3), terms, CancellationToken.None);

        // Then page 2 holds the last two candidates, and page 9 is empty but still tells the total and that it is bounded
        Assert.Equal(2, second.Hits.Count);
        Assert.Equal(2, second.Pages);
        Assert.Empty(ninth.Hits);
        Assert.Equal(5, ninth.Total);
        Assert.True(ninth.Bounded);
    }

    [Fact]
    public async Task SearchAsync_WordInMorePapersThanFrequentDf_FiltersButIsNotRanked()
    {
        // Given ten graph papers, one of which mentions attention, and a frequent-word threshold of five papers
        using var store = await GraphStoreAsync();
        var options = new SearchOptions { FrequentDf = 5 };
        Assert.True(SearchTerms.TryParse("graph attention", out var terms, out _));

        // When searching for a frequent word (graph, in ten) with a rare one (attention, in one)
        var page = await new SearchStore(store.Sqlite, options).SearchAsync(new SearchQuery("graph attention"), terms, CancellationToken.None);
        var exact = await new SearchStore(store.Sqlite, new SearchOptions { RankCap = int.MaxValue }).SearchAsync(new SearchQuery("graph attention"), terms, CancellationToken.None);

        // Then only papers with both words match, as in exact search
        Assert.Equal(["2601.01003"], page.Hits.Select(h => h.Id));
        Assert.Equal(exact.Hits.Select(h => h.Id), page.Hits.Select(h => h.Id));
        Assert.False(page.Bounded);
    }

    [Fact]
    public async Task SearchAsync_OnlyFrequentWords_TitleMatchesFirstNewestFirst()
    {
        // Given ten graph papers and a frequent-word threshold of five papers
        using var store = await GraphStoreAsync();
        var search = new SearchStore(store.Sqlite, Tiny with { FrequentDf = 5 });
        Assert.True(SearchTerms.TryParse("graph", out var terms, out _));

        // When searching for the frequent word alone
        var page = await search.SearchAsync(new SearchQuery("graph"), terms, CancellationToken.None);

        // Then nothing is ranked: title matches (three, the cap) newest first, then the two newest others
        Assert.True(page.Bounded);
        Assert.Equal(["2601.01003", "2601.01002", "2601.01001", "2601.01010", "2601.01009"], page.Hits.Select(h => h.Id));
    }
}
