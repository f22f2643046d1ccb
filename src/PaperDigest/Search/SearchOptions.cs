namespace PaperDigest.Search;

/// <summary>
/// How much ranking one query may cost. FTS5's BM25 first walks each ranked term's whole doclist (about
/// <see cref="WalkMicroseconds"/> an entry), then costs about <see cref="RowMicroseconds"/> a ranked row. A query whose
/// matches fit <see cref="RankBudgetMicroseconds"/> (and <see cref="RankCap"/>) is ranked exactly; beyond, only bounded
/// candidates: the newest <see cref="CandidateCap"/> title matches and <see cref="FillCap"/> newest others, or the newest
/// CandidateCap matches. Words in half the papers, or too frequent to walk within the budget, filter but are not ranked.
/// </summary>
internal sealed record SearchOptions
{
    /// <summary>At most this many matches are ranked exactly (int.MaxValue: always, whatever the cost).</summary>
    public int RankCap { get; init; } = 8000;

    public int CandidateCap { get; init; } = 2000;

    public int FillCap { get; init; } = 500;

    /// <summary>A word in more papers than this is never ranked (besides words in half the papers, or too long to walk).</summary>
    public int FrequentDf { get; init; } = int.MaxValue;

    /// <summary>Words' document counts are estimated from this many newest papers (see SearchStore).</summary>
    public int DfSample { get; init; } = 4000;

    public double RankBudgetMicroseconds { get; init; } = 10_000;

    public double WalkMicroseconds { get; init; } = 0.075;

    public double RowMicroseconds { get; init; } = 1.5;
}
