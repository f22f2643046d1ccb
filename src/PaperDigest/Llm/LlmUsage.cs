namespace PaperDigest.Llm;

/// <summary>Requests and tokens of one run, counted across threads.</summary>
internal sealed class LlmUsage
{
    private long _requests;
    private long _input;
    private long _output;

    public long Requests => Interlocked.Read(ref _requests);
    public long InputTokens => Interlocked.Read(ref _input);
    public long OutputTokens => Interlocked.Read(ref _output);

    public void AddRequest() => Interlocked.Increment(ref _requests);

    public void AddTokens(int input, int output)
    {
        Interlocked.Add(ref _input, input);
        Interlocked.Add(ref _output, output);
    }
}
