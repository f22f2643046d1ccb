using System.Text.Json.Nodes;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Ranking;

/// <summary>`daily --source` with llm.embeddings_model: the real CLI and store, a fake arXiv RSS server and the fake LLM (chat and embeddings) on 127.0.0.1.</summary>
public sealed class EmbeddingDailyTests : SourceFakesTest
{
    private static readonly DateOnly Day = new(2026, 9, 24);

    protected override async Task StartedAsync()
    {
        Cli.Env["PAPERDIGEST_LLM__EMBEDDINGS_MODEL"] = "text-embedding-3-small";
        await File.WriteAllTextAsync(Path.Combine(Cli.Dir, "lib.json"), """
            [
              {"title": "Learning Agile Locomotion for Quadruped Robots", "author": [{"family": "Tan", "given": "Jie"}],
               "abstract": "Reinforcement learning of legged locomotion policies transferred from simulation to real quadruped robots.",
               "accessed": {"date-parts": [[2026, 9, 1]]}},
              {"title": "Speech Recognition with Transformers", "abstract": "Transformer acoustic models for speech recognition.",
               "accessed": {"date-parts": [[2021, 1, 1]]}}
            ]
            """);
        await File.WriteAllTextAsync(Path.Combine(Cli.Dir, "paperdigest.yml"), """
            sources:
              - name: robotics
                arxiv_categories: [cs.RO]
                announce: [new]
                top: 3
            profile:
              library: lib.json
              authors: [Sergey Levine]
            """);
        Rss.SetFeed(FakeArxivRssServer.Listing(Day,
        [
            ("2609.40001", "Tokenizer Choices for Multilingual Translation", "We compare subword tokenizers for machine translation across many languages.", "A. Author", "cs.RO", "new"),
            ("2609.40002", "Speech Recognition for Noisy Rooms", "Transformer acoustic models for robust speech recognition in noisy rooms.", "B. Author", "cs.RO", "new"),
            ("2609.40003", "Quadruped Locomotion on Rough Terrain", "Legged quadruped robots learn locomotion policies in simulation and walk on real rough terrain.", "C. Author", "cs.RO", "new"),
            ("2609.40004", "Protein Folding with Graph Networks", "Graph neural networks predict protein structures from sequences.", "Sergey Levine", "cs.RO", "new"),
        ]));
    }

    [Fact]
    public async Task DailySource_EmbeddingsConfigured_RelevanceFromEmbeddingsAndRerunAsksNothing()
    {
        // Given an endpoint that answers the first embeddings request 429 (Retry-After: 1)
        Llm.Embeddings.RateLimitNext = 1;

        // When the source's digest is made twice
        var first = await Cli.RunAsync("daily", "--source", "robotics");
        var embeddings = Llm.Embeddings.Requests;
        var second = await Cli.RunAsync("daily", "--source", "robotics");

        // Then the locomotion paper leads, its relevance naming the library paper it is like (the embeddings path: no "term:")
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.DoesNotContain("embeddings", first.Error, StringComparison.Ordinal);
        var papers = JsonNode.Parse(await File.ReadAllTextAsync(Cli.OutPath("daily/robotics/2026-09-24.json")))!["papers"]!.AsArray();
        Assert.Equal("2609.40003v1", papers[0]!["id"]!.GetValue<string>());
        Assert.Equal(3, papers.Count);
        var why = papers[0]!["relevance"]!["why"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Equal(["like: Learning Agile Locomotion for Quadruped Robots"], why);
        Assert.InRange(papers[0]!["relevance"]!["score"]!.GetValue<double>(), 0.3, 1);
        Assert.Contains(papers, p => p!["id"]!.GetValue<string>() == "2609.40004v1"
            && p["relevance"]!["why"]!.AsArray().Any(w => w!.GetValue<string>() == "author: Sergey Levine"));

        // And one embeddings request for 2 library papers and 4 listed (sent again after the 429); the rerun embeds nothing
        Assert.Equal(2, embeddings);
        Assert.Equal([6], Llm.Embeddings.BatchSizes);
        Assert.Equal(6, Llm.Embeddings.Inputs);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(embeddings, Llm.Embeddings.Requests);
        Assert.Contains("LLM 0 requests", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailySource_EmbeddingsModelRefused_RanksOfflineWithOneWarningAndSucceeds()
    {
        // Given an embeddings model the endpoint does not serve
        Cli.Env["PAPERDIGEST_LLM__EMBEDDINGS_MODEL"] = "text-embedding-9-huge";

        // When the source's digest is made
        var result = await Cli.RunAsync("daily", "--source", "robotics");

        // Then the digest is made (exit 0), ranked offline, and one warning says which key to fix
        Assert.True(result.ExitCode == 0, result.Error);
        var warnings = result.Error.Split('\n').Where(l => l.StartsWith("warning:", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.StartsWith("warning: embeddings (text-embedding-9-huge) are not available, so this run ranks the profile offline", warning, StringComparison.Ordinal);
        Assert.Contains("PAPERDIGEST_LLM__EMBEDDINGS_MODEL", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-SECRET", result.Error, StringComparison.Ordinal);
        var papers = JsonNode.Parse(await File.ReadAllTextAsync(Cli.OutPath("daily/robotics/2026-09-24.json")))!["papers"]!.AsArray();
        Assert.Equal("2609.40003v1", papers[0]!["id"]!.GetValue<string>());
        Assert.Contains(papers[0]!["relevance"]!["why"]!.AsArray(), w => w!.GetValue<string>().StartsWith("term: ", StringComparison.Ordinal));
        Assert.Equal(1, Llm.Embeddings.Requests); // a 404 is not retried
    }

    [Fact]
    public async Task DailySource_BadEmbeddingsModel_IsConfigurationErrorNamingTheKey()
    {
        Cli.Env["PAPERDIGEST_LLM__EMBEDDINGS_MODEL"] = "text embedding\t3";
        var result = await Cli.RunAsync("daily", "--source", "robotics");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("llm.embeddings_model", result.Error, StringComparison.Ordinal);
    }
}
