using System.Globalization;
using PaperDigest.Papers;
using PaperDigest.Store;

namespace PaperDigest.Sources;

/// <summary>
/// What the fetch stage found: the day and its papers (HF order), as the store now knows them (merged with what other
/// commands learnt, e.g. the version), so the summarize and publish stages key summaries alike.
/// </summary>
internal sealed record FetchedDay(DateOnly Date, IReadOnlyList<Paper> Papers, string Origin);

/// <summary>
/// The fetch stage of `daily`: one day of Hugging Face Daily Papers (or a saved response) into the store.
/// Without a date it looks back from today, day by day, for the latest day that has papers.
/// </summary>
internal sealed class DailyFetcher(HuggingFaceDailyClient client, PaperStore papers, HuggingFaceOptions options, TimeProvider time)
{
    public async Task<FetchedDay> FetchAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        if (date is { } day)
        {
            var found = await client.GetDayAsync(day, cancellationToken);
            if (found.Count == 0) throw new SourceException($"Hugging Face lists no papers for {Format(day)} (weekends and holidays are empty). Try another --date, or leave it out to use the latest day.");
            await papers.SaveListingAsync(day, found, cancellationToken);
            return new FetchedDay(day, await papers.ListingAsync(day, cancellationToken), "Hugging Face");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        for (var back = 0; back <= options.LookbackDays; back++)
        {
            var candidate = today.AddDays(-back);
            var found = await client.GetDayAsync(candidate, cancellationToken);
            if (found.Count == 0) continue;
            await papers.SaveListingAsync(candidate, found, cancellationToken);
            return new FetchedDay(candidate, await papers.ListingAsync(candidate, cancellationToken), "Hugging Face");
        }
        throw new SourceException($"Hugging Face lists no papers from {Format(today.AddDays(-options.LookbackDays))} to {Format(today)}. Give a --date, or raise huggingface.lookback_days.");
    }

    /// <summary>Reads a saved api/daily_papers response. Its date is --date, or the day most of its papers were submitted on.</summary>
    public async Task<FetchedDay> FetchFileAsync(string path, DateOnly? date, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new SourceException($"--input: the file '{path}' does not exist.");
        var json = await File.ReadAllTextAsync(path, cancellationToken);
        var found = HuggingFaceDailyParser.Parse(json, $"--input file '{path}'");
        if (found.Count == 0) throw new SourceException($"--input file '{path}' holds no papers.");
        var day = date ?? SubmittedDay(json) ?? found.Select(p => p.Published).OfType<DateOnly>().DefaultIfEmpty(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)).Max();
        await papers.SaveListingAsync(day, found, cancellationToken);
        return new FetchedDay(day, await papers.ListingAsync(day, cancellationToken), path);
    }

    /// <summary>The most common submittedOnDailyAt / publishedAt date at the top level of the entries (the day HF listed them).</summary>
    private static DateOnly? SubmittedDay(string json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            var days = new List<DateOnly>();
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind != System.Text.Json.JsonValueKind.Object) continue;
                foreach (var name in new[] { "submittedOnDailyAt", "publishedAt" })
                {
                    if (e.TryGetProperty("paper", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.Object
                        && p.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String
                        && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                    {
                        days.Add(DateOnly.FromDateTime(at.UtcDateTime));
                        break;
                    }
                }
            }
            return days.Count == 0 ? null : days.GroupBy(d => d).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
