using System.Net;
using PaperDigest.Papers;

namespace PaperDigest.Sources;

/// <summary>
/// Hugging Face's per-paper API: GET {HF_ENDPOINT}/api/papers/&lt;id&gt; over the "huggingface" remote, whose handler
/// retries 408/429/5xx honouring Retry-After. A paper HF does not know (404) is an ordinary answer, <c>null</c>.
/// </summary>
/// <param name="http">A client whose BaseAddress is HF_ENDPOINT (e.g. https://huggingface.co/).</param>
internal sealed class HuggingFacePaperClient(HttpClient http)
{
    /// <summary>HF's record of the paper, or null when HF has no such paper.</summary>
    public async Task<HuggingFacePaperInfo?> FindAsync(ArxivId id, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(http.BaseAddress!, $"api/papers/{Uri.EscapeDataString(id.Id)}");
        using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Hugging Face answered {(int)response.StatusCode} {response.StatusCode} for {uri}.", null, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return HuggingFacePaperParser.Parse(json);
    }
}
