namespace PaperDigest.Tests.Sources;

/// <summary>
/// Tests that measure request spacing on a real clock run alone, so that other tests' CPU load
/// does not skew the fake server's receive times.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ArxivTimingCollection
{
    public const string Name = "arXiv request timing";
}
