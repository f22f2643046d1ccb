namespace PaperDigest.Bench;

/// <summary>One benchmark: prints its measurements and their ratio to the limit its issue names.</summary>
internal interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
