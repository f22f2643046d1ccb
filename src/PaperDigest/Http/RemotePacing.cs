namespace PaperDigest.Http;

/// <summary>
/// How politely a remote is used: at most <see cref="Starts"/> requests starting in any <see cref="Window"/>, and at
/// most <see cref="Concurrency"/> requests (and connections) at a time. Retries are requests too and wait their turn.
/// </summary>
internal sealed record RemotePacing(int Starts, TimeSpan Window, int Concurrency)
{
    /// <summary>One request at a time, each starting at least <paramref name="interval"/> after the previous one (none when zero).</summary>
    public static RemotePacing OneEvery(TimeSpan interval) => new(1, interval, 1);

    public IEnumerable<string> Problems()
    {
        if (Starts < 1) yield return $"the pacing must allow at least one request per window (got {Starts})";
        if (Window < TimeSpan.Zero || Window > TimeSpan.FromHours(1)) yield return $"the pacing window must be between 0 and 1 h (got {Window})";
        if (Concurrency < 1) yield return $"the pacing must allow at least one request at a time (got {Concurrency})";
    }
}
