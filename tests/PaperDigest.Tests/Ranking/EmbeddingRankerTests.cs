using Microsoft.Extensions.Logging;
using PaperDigest.Llm;
using PaperDigest.Papers;
using PaperDigest.Ranking;
using PaperDigest.Store;
using PaperDigest.Tests.TestSupport;
using static PaperDigest.Tests.TestSupport.RankingSamples;

namespace PaperDigest.Tests.Ranking;

/// <summary>Ranking by embeddings: the real LlmClient and EmbeddingsClient against the fake /embeddings on 127.0.0.1, vectors cached in an on-disk SQLite file.</summary>
public sealed class EmbeddingRankerTests : IAsyncLifetime
{
    private const string Model = "fake-embed";
    private FakeLlmServer _llm = null!;
    private readonly TempStore _store = new();

    public async Task InitializeAsync()
    {
        _llm = await FakeLlmServer.StartAsync();
        await File.WriteAllTextAsync(LibraryPath, """
            @article{tan, title = {Learning Agile Locomotion for Quadruped Robots}, author = {Tan, Jie},
              abstract = {Reinforcement learning of legged locomotion policies transferred from simulation to real quadruped robots.}}
            @article{peng, title = {Sim-to-Real Transfer for Legged Robots}, author = {Peng, Xue Bin},
              abstract = {Domain randomization lets legged robot controllers trained in simulation walk on real terrain.}}
            @article{grasp, title = {Dexterous Grasping with Tactile Sensing},
              abstract = {Robot hands grasp objects using tactile sensing and learned grasp policies.}}
            """);
    }

    public async Task DisposeAsync()
    {
        await _llm.DisposeAsync();
        _store.Dispose();
    }

    private string LibraryPath => Path.Combine(_store.Directory, "lib.bib");

    private static readonly Paper[] Listing =
    [
        Candidate("2601.00001v1", "Tokenizer Choices for Multilingual Translation", "We compare subword tokenizers for machine translation across many languages."),
        Candidate("2601.00002v1", "Robust Quadruped Locomotion on Rough Terrain", "Legged quadruped robots learn locomotion policies in simulation and walk on real rough terrain."),
        Candidate("2601.00003v1", "Diffusion Models for Image Editing", "Text-guided image editing with diffusion models.", "S. Levine"),
        Candidate("2601.00004v1", "Protein Folding with Graph Networks", "Graph neural networks predict protein structures from sequences."),
    ];

    private (ProfileLoader Loader, ListLogger<ProfileLoader> Log, TestLlm Llm) Loader(SqliteStore sqlite, string model = Model, Uri? baseUrl = null, params string[] keywords)
    {
        var llm = new TestLlm(baseUrl ?? _llm.BaseUrl, o => o.EmbeddingsModel = model);
        var log = new ListLogger<ProfileLoader>();
        var options = new ProfileOptions { Library = LibraryPath, Keywords = [.. keywords], Authors = ["Sergey Levine"] };
        var loader = new ProfileLoader(options, new PaperStore(sqlite, TimeProvider.System), new EmbeddingStore(sqlite, TimeProvider.System),
            new EmbeddingsClient(llm.Client, model), log);
        return (loader, log, llm);
    }

    private static async Task<IReadOnlyList<RankedPaper>> RankAsync(ProfileLoader loader, IReadOnlyList<Paper> candidates) =>
        await (await loader.LoadAsync(CancellationToken.None)).RankAsync(candidates, CancellationToken.None);

    [Fact]
    public async Task RankAsync_LibraryLikePaper_RanksItFirstAndNamesTheNearestLibraryPaper()
    {
        // Given a robotics library and a listing with one legged-locomotion paper among others
        var (loader, log, llm) = Loader(_store.Sqlite, keywords: "image editing");
        using var _ = llm;

        // When the listing is ranked by embeddings
        var ranked = await RankAsync(loader, Listing);

        // Then the locomotion paper leads, like the locomotion library papers (no offline "term:" reasons); keywords and authors count as offline
        Assert.Equal("2601.00002", ranked[0].Paper.Id.Id);
        Assert.Equal("like: Learning Agile Locomotion for Quadruped Robots", ranked[0].Relevance.Why[0]);
        Assert.DoesNotContain(ranked.SelectMany(r => r.Relevance.Why), w => w.StartsWith("term: ", StringComparison.Ordinal));
        var editing = ranked.Single(r => r.Paper.Id.Id == "2601.00003");
        Assert.Equal(["keyword: image editing", "author: S. Levine"], editing.Relevance.Why);
        Assert.All(ranked, r => Assert.InRange(r.Relevance.Score, 0, 1));
        Assert.All(ranked, r => Assert.Equal(Math.Round(r.Relevance.Score, 4), r.Relevance.Score));
        Assert.True(ranked[0].Relevance.Score > ranked[^1].Relevance.Score);
        Assert.Equal(1, _llm.Embeddings.Requests); // 3 library papers and 4 candidates in one request
        Assert.Equal(7, _llm.Embeddings.Inputs);
        Assert.Equal(0, _llm.ChatRequests);
        Assert.Empty(log.Entries);
    }

    [Fact]
    public async Task RankAsync_Rerun_MakesNoEmbeddingsRequestAndRanksTheSame()
    {
        // Given a listing ranked once
        var (loader, _, llm) = Loader(_store.Sqlite);
        using var first = llm;
        var before = await RankAsync(loader, Listing);
        var requests = _llm.Embeddings.Requests;

        // When it is ranked again by a new process's loader on the same SQLite file
        var reopened = SqliteStore.Open(_store.Path_);
        var (again, _, llm2) = Loader(reopened);
        using var second = llm2;
        var after = await RankAsync(again, Listing);

        // Then the vectors come from the file: no request, the same ranking and scores
        Assert.Equal(1, requests);
        Assert.Equal(requests, _llm.Embeddings.Requests);
        Assert.Equal(before.Select(r => (r.Paper.Id.Id, r.Relevance.Score)), after.Select(r => (r.Paper.Id.Id, r.Relevance.Score)));
        Assert.Equal(7, await StoredVectorsAsync());
    }

    [Fact]
    public async Task RankAsync_NewVersionOfOnePaper_EmbedsThatPaperOnly()
    {
        // Given a ranked listing
        var (loader, _, llm) = Loader(_store.Sqlite);
        using var _ = llm;
        await RankAsync(loader, Listing);
        var inputs = _llm.Embeddings.Inputs;

        // When the listing comes again with a v2 of one paper (the same title and abstract: only the version tells)
        var revised = Listing.Select(p => p.Id.Id == "2601.00004" ? p with { Id = new ArxivId("2601.00004", 2) } : p).ToList();
        await RankAsync(loader, revised);

        // Then exactly one text more is embedded, in one request
        Assert.Equal(inputs + 1, _llm.Embeddings.Inputs);
        Assert.Equal(1, _llm.Embeddings.BatchSizes[^1]);
    }

    [Fact]
    public async Task LoadAsync_EndpointRefusesTheModel_RanksOfflineAndWarnsOnce()
    {
        // Given an embeddings model the endpoint does not serve
        var (loader, log, llm) = Loader(_store.Sqlite, model: "text-embedding-9-huge");
        using var _ = llm;

        // When the profile ranks twice in one run
        var ranked = await RankAsync(loader, Listing);
        var again = await RankAsync(loader, Listing);

        // Then the offline ranker's order and reasons stand, one warning names the key, and the refused endpoint is asked once
        var offline = new ProfileRanker(LibraryReader.Read(LibraryPath), [], ["Sergey Levine"]).Rank(Listing);
        Assert.Equal(offline.Select(r => (r.Paper.Id.Id, r.Relevance.Score)), ranked.Select(r => (r.Paper.Id.Id, r.Relevance.Score)));
        Assert.Equal(offline.Select(r => (r.Paper.Id.Id, r.Relevance.Score)), again.Select(r => (r.Paper.Id.Id, r.Relevance.Score)));
        Assert.Contains(ranked[0].Relevance.Why, w => w.StartsWith("term: ", StringComparison.Ordinal));
        var warning = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("HTTP 404", warning.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", warning.Message, StringComparison.Ordinal); // the provider's own words
        Assert.Contains("llm.embeddings_model (PAPERDIGEST_LLM__EMBEDDINGS_MODEL)", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestLlm.Key, warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, _llm.Embeddings.Requests);
        Assert.Equal(0, await StoredVectorsAsync());
    }

    [Fact]
    public async Task LoadAsync_EndpointUnreachable_RanksOfflineNamingTheBaseUrl()
    {
        // Given an embeddings endpoint that refuses connections
        var (loader, log, llm) = Loader(_store.Sqlite, baseUrl: ClosedPort.BaseUrl());
        using var _ = llm;

        // When the listing is ranked
        var ranked = await RankAsync(loader, Listing);

        // Then it is ranked offline and the warning says what to check
        Assert.Equal("2601.00002", ranked[0].Paper.Id.Id);
        Assert.Contains(ranked[0].Relevance.Why, w => w.StartsWith("term: ", StringComparison.Ordinal));
        Assert.Contains("OPENAI_BASE_URL", Assert.Single(log.Entries).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RankAsync_LikedPaperInTheListing_IsEmbeddedOnceUnderItsVersion()
    {
        // Given a liked paper (profile.papers) that the store knows, and that is also in today's listing
        var liked = Listing[1];
        await _store.Papers.UpsertAsync([liked], CancellationToken.None);
        var llm = new TestLlm(_llm.BaseUrl, o => o.EmbeddingsModel = Model);
        using var _ = llm;
        var options = new ProfileOptions { Papers = ["2601.00002"] };
        var loader = new ProfileLoader(options, _store.Papers, new EmbeddingStore(_store.Sqlite, TimeProvider.System), new EmbeddingsClient(llm.Client, Model));

        // When the listing is ranked twice
        var ranked = await RankAsync(loader, Listing);
        await RankAsync(loader, Listing);

        // Then the liked paper and its listing entry share one vector: 4 texts embedded once, and the rerun asks nothing
        Assert.Equal(4, _llm.Embeddings.Inputs);
        Assert.Equal(1, _llm.Embeddings.Requests);
        Assert.Equal("2601.00002", ranked[0].Paper.Id.Id);
    }

    [Fact]
    public void Rank_RecentAdditions_WeighMore()
    {
        // Given a library whose newest paper is about grasping and whose old one is about speech, and vectors for both
        var (library, candidates) = RankingSamples.RecentGraspingOldSpeech();
        float[] Vector(string title, string abs) => FakeEmbeddings.Vector(EmbeddingRanker.Text(title, abs));

        // When ranked by those vectors
        var ranked = EmbeddingRanker.Rank(library, [.. library.Select(p => Vector(p.Title, p.Abstract))],
            candidates, [.. candidates.Select(p => Vector(p.Title, p.Abstract))], new ProfileMatcher([], []));

        // Then the paper like the recent addition is first
        Assert.Equal("2601.00011", ranked[0].Paper.Id.Id);
        Assert.Equal("like: Dexterous Grasping with Tactile Sensing", ranked[0].Relevance.Why[0]);
    }

    private async Task<long> StoredVectorsAsync()
    {
        await using var connection = await _store.Sqlite.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM embeddings";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
