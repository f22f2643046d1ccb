namespace PaperDigest.Llm;

/// <summary>Requests and tokens of one run (cached prompt tokens too, when the provider reports them), counted across threads.</summary>
internal sealed class LlmUsage
{
    private long _requests;
    private long _input;
    private long _output;
    private long _cached;

    public long Requests => Interlocked.Read(ref _requests);
    public long InputTokens => Interlocked.Read(ref _input);
    public long OutputTokens => Interlocked.Read(ref _output);

    /// <summary>The part of <see cref="InputTokens"/> the provider served from its prompt cache.</summary>
    public long CachedInputTokens => Interlocked.Read(ref _cached);

    public void AddRequest() => Interlocked.Increment(ref _requests);

    public void AddTokens(int input, int output, int cachedInput = 0)
    {
        Interlocked.Add(ref _input, input);
        Interlocked.Add(ref _output, output);
        Interlocked.Add(ref _cached, cachedInput);
    }

    /// <summary>The run's cost at <paramref name="prices"/>, or null without prices.</summary>
    public double? Cost(LlmPrices prices) => prices.Cost(InputTokens, CachedInputTokens, OutputTokens);
}
