using PaperDigest.Papers;
using PaperDigest.Ranking;
using PaperDigest.Tests.TestSupport;
using static PaperDigest.Tests.TestSupport.RankingSamples;

namespace PaperDigest.Tests.Ranking;

public sealed class ProfileRankerTests
{
    [Fact]
    public void Rank_SmallLibrary_PutsTheMatchingPaperFirstAndSaysWhy()
    {
        // Given a robotics library and three candidates, one about legged robots
        var library = new[]
        {
            new LibraryPaper("Learning Agile Locomotion for Quadruped Robots", "Reinforcement learning of legged locomotion policies transferred from simulation to real quadruped robots.", ["Jie Tan"]),
            new LibraryPaper("Sim-to-Real Transfer for Legged Robots", "Domain randomization lets legged robot controllers trained in simulation walk on real terrain.", ["Xue Bin Peng"]),
        };
        var candidates = new[]
        {
            Candidate("2601.00001", "Tokenizer Choices for Multilingual Translation", "We compare subword tokenizers for machine translation across languages."),
            Candidate("2601.00002", "Robust Quadruped Locomotion on Rough Terrain", "A legged robot learns locomotion in simulation and transfers it to real terrain."),
            Candidate("2601.00003", "Diffusion Models for Image Editing", "Text-guided image editing with diffusion models.", "S. Levine"),
        };
        var ranker = new ProfileRanker(library, ["image editing"], ["Sergey Levine"]);

        // When the candidates are ranked
        var ranked = ranker.Rank(candidates);

        // Then the locomotion paper leads, naming the library paper and terms it matched; keyword and author count too
        Assert.Equal("2601.00002", ranked[0].Paper.Id.Id);
        Assert.Contains(ranked[0].Relevance.Why, w => w.StartsWith("like: ", StringComparison.Ordinal));
        Assert.Contains("term: locomotion", ranked[0].Relevance.Why);
        Assert.Equal("2601.00003", ranked[1].Paper.Id.Id);
        Assert.Contains("keyword: image editing", ranked[1].Relevance.Why);
        Assert.Contains("author: S. Levine", ranked[1].Relevance.Why);
        Assert.Equal("2601.00001", ranked[2].Paper.Id.Id);
        Assert.True(ranked[0].Relevance.Score > ranked[2].Relevance.Score);
        Assert.InRange(ranked[0].Relevance.Score, 0, 1);
    }

    [Fact]
    public void Rank_RecentAdditions_WeighMore()
    {
        // Given a library whose newest paper is about grasping and whose old one is about speech
        var (library, candidates) = RankingSamples.RecentGraspingOldSpeech();

        // When ranked
        var ranked = new ProfileRanker(library, [], []).Rank(candidates);

        // Then the paper like the recent addition is first
        Assert.Equal("2601.00011", ranked[0].Paper.Id.Id);
    }

    [CorpusFact]
    public async Task Rank_LabelledCorpusSet_PrecisionAt20AtLeastTheTfIdfReference()
    {
        // Given 40 cs.RO papers of the shared corpus as the library and 400 candidates (the other cs.RO papers among others)
        var set = await LabelledSet.FromCorpusAsync(Path.Combine(Fixtures.SharedDir, "corpus", "arxiv_papers_18k.jsonl.xz"), "cs.RO", 40, 400, CancellationToken.None);

        // When the profile ranker and a plain TF-IDF cosine-to-centroid reference rank them
        var ranked = new ProfileRanker(set.Library, [], []).Rank(set.Candidates).Select(r => r.Paper).ToList();
        var reference = TfIdfReference(set.Library, set.Candidates);

        // Then the ranker is at least as precise as the reference at 10 and 20, and well above chance
        var chance = set.Relevant.Count / (double)set.Candidates.Count;
        Assert.Equal(400, set.Candidates.Count);
        Assert.True(set.PrecisionAt(20, ranked) >= set.PrecisionAt(20, reference) - 0.05,
            $"precision@20 {set.PrecisionAt(20, ranked):F2} vs reference {set.PrecisionAt(20, reference):F2}");
        Assert.True(set.PrecisionAt(10, ranked) >= set.PrecisionAt(10, reference) - 0.1);
        Assert.True(set.PrecisionAt(20, ranked) >= 0.6, $"precision@20 {set.PrecisionAt(20, ranked):F2} (chance {chance:F2})");
    }

    /// <summary>The textbook model, written independently: raw tf × log(N/df) over whitespace words, cosine to the library's mean.</summary>
    private static List<Paper> TfIdfReference(IReadOnlyList<LibraryPaper> library, IReadOnlyList<Paper> candidates)
    {
        static Dictionary<string, double> Tf(string text) => text.ToLowerInvariant()
            .Split([' ', ',', '.', ':', ';', '(', ')', '\n', '$', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 3).GroupBy(w => w).ToDictionary(g => g.Key, g => (double)g.Count());
        var docs = library.Select(p => Tf(p.Title + " " + p.Abstract)).Concat(candidates.Select(p => Tf(p.Title + " " + p.Abstract))).ToList();
        var df = docs.SelectMany(d => d.Keys).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        Dictionary<string, double> Weigh(Dictionary<string, double> tf)
        {
            var v = tf.ToDictionary(kv => kv.Key, kv => kv.Value * Math.Log(docs.Count / (double)df[kv.Key]));
            var norm = Math.Sqrt(v.Values.Sum(x => x * x));
            return norm == 0 ? v : v.ToDictionary(kv => kv.Key, kv => kv.Value / norm);
        }
        var centroid = new Dictionary<string, double>();
        foreach (var d in docs.Take(library.Count).Select(Weigh))
            foreach (var (w, x) in d) centroid[w] = centroid.GetValueOrDefault(w) + x;
        return candidates.Select((p, i) => (p, s: Weigh(docs[library.Count + i]).Sum(kv => kv.Value * centroid.GetValueOrDefault(kv.Key))))
            .OrderByDescending(t => t.s).Select(t => t.p).ToList();
    }
}

/// <summary>A fact that needs ../shared/corpus and the xz program.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Fixtures.Available || !File.Exists(Path.Combine(Fixtures.SharedDir, "corpus", "arxiv_papers_18k.jsonl.xz"))) Skip = "../shared/corpus is not beside this checkout";
    }
}
