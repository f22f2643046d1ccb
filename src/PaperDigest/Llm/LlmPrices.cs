namespace PaperDigest.Llm;

/// <summary>llm.prices: what a million tokens cost (input, cached input, output), in whatever currency the reader uses.</summary>
internal sealed class LlmPrices
{
    public double? Input { get; set; }

    /// <summary>Cached prompt tokens; the input price when not given.</summary>
    public double? CachedInput { get; set; }

    public double? Output { get; set; }

    public bool IsSet => Input is not null || Output is not null;

    /// <summary>The cost of these tokens, or null without prices.</summary>
    public double? Cost(long input, long cachedInput, long output)
    {
        if (!IsSet) return null;
        var cached = Math.Min(cachedInput, input);
        return ((input - cached) * (Input ?? 0) + cached * (CachedInput ?? Input ?? 0) + output * (Output ?? 0)) / 1_000_000d;
    }

    public IEnumerable<string> Validate()
    {
        if (Input is < 0 || Input is double i && double.IsNaN(i)) yield return $"llm.prices.input must be 0 or more (got {Input})";
        if (CachedInput is < 0 || CachedInput is double c && double.IsNaN(c)) yield return $"llm.prices.cached_input must be 0 or more (got {CachedInput})";
        if (Output is < 0 || Output is double o && double.IsNaN(o)) yield return $"llm.prices.output must be 0 or more (got {Output})";
    }
}
