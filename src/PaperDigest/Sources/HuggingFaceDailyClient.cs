using System.Globalization;
using PaperDigest.Http;
using PaperDigest.Papers;

namespace PaperDigest.Sources;

/// <summary>GET {HF_ENDPOINT}/api/daily_papers?date=D over the "huggingface" remote (timeout, retries and their words in its handler).</summary>
internal sealed class HuggingFaceDailyClient(HttpClient http)
{
    public async Task<IReadOnlyList<Paper>> GetDayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var url = new Uri(http.BaseAddress!, $"api/daily_papers?date={day}");
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceException(ex is RemoteException ? ex.Message : $"Hugging Face could not be reached at {url.GetLeftPart(UriPartial.Path)}: {ex.Message}", ex);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new SourceException($"Hugging Face answered HTTP {(int)response.StatusCode} {response.ReasonPhrase} for {day} ({url.GetLeftPart(UriPartial.Path)}), after retries.");
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return HuggingFaceDailyParser.Parse(body, $"Hugging Face's answer for {day}");
        }
    }
}
