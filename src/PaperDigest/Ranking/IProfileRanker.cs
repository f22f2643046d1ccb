using PaperDigest.Papers;

namespace PaperDigest.Ranking;

/// <summary>Ranks candidates against the reader's profile: offline (<see cref="ProfileRanker"/>) or by embeddings (<see cref="EmbeddingRanker"/>).</summary>
internal interface IProfileRanker
{
    /// <summary>No library, keywords or authors: there is nothing to rank by.</summary>
    bool IsEmpty { get; }

    /// <summary>The candidates, most relevant first (ties keep the listing order), each with its score in [0, 1] and why.</summary>
    Task<IReadOnlyList<RankedPaper>> RankAsync(IReadOnlyList<Paper> candidates, CancellationToken cancellationToken);
}
