using System.Globalization;
using PaperDigest.Papers;

namespace PaperDigest.Summaries;

/// <summary>The cache key of a summary: PRODUCT.md "LLM requests" (paper id and version, style, language, prompt version, model).</summary>
internal sealed record SummaryKey(string PaperId, string PaperVersion, string Style, string Lang, string PromptVersion, string Model)
{
    /// <summary>The key of <paramref name="paper"/> as the store knows it, in <paramref name="style"/> and <paramref name="lang"/>, written by <paramref name="model"/>.</summary>
    public static SummaryKey For(Paper paper, SummaryStyle style, string lang, string model) =>
        new(paper.Id.Id, paper.Id.Version?.ToString(CultureInfo.InvariantCulture) ?? "", style.Name, lang, style.PromptVersion, model);
}
