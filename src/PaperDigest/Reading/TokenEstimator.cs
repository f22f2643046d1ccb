using PaperDigest.Papers;

namespace PaperDigest.Reading;

/// <summary>
/// Estimates LLM tokens without a tokenizer: each CJK character (ideographs, kana, hangul, CJK and full-width punctuation)
/// counts 1, other text about 4 characters per token (rounded up). Estimates of pieces add up to at least the estimate of the whole.
/// </summary>
internal static class TokenEstimator
{
    public static int Estimate(ReadOnlySpan<char> text)
    {
        var cjk = 0;
        var other = 0;
        foreach (var r in text.EnumerateRunes())
        {
            if (Cjk.IsWide(r)) cjk++;
            else other += r.Utf16SequenceLength;
        }
        return cjk + (other + 3) / 4;
    }

    public static int Estimate(string? text) => text is null ? 0 : Estimate(text.AsSpan());
}
