using System.Globalization;
using PaperDigest.Papers;

namespace PaperDigest.Sources;

/// <summary>GET {HF_ENDPOINT}/api/daily_papers?date=D over the "huggingface" HttpClient (timeouts and retries in its pipeline).</summary>
internal sealed class HuggingFaceDailyClient(HttpClient http)
{
    public async Task<IReadOnlyList<Paper>> GetDayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var url = new Uri(http.BaseAddress!, $"api/daily_papers?date={day}");
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceException($"Hugging Face could not be reached at {url.GetLeftPart(UriPartial.Authority)}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is TimeoutException or Polly.Timeout.TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SourceException($"Hugging Face did not answer in time for {day} ({url.GetLeftPart(UriPartial.Path)}).", ex);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new SourceException($"Hugging Face answered HTTP {(int)response.StatusCode} {response.ReasonPhrase} for {day} ({url.GetLeftPart(UriPartial.Path)}), after retries.");
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return HuggingFaceDailyParser.Parse(body, $"Hugging Face's answer for {day}");
        }
    }
}
