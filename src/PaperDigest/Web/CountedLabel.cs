namespace PaperDigest.Web;

/// <summary>A label and how often it occurs (a day, a topic, a keyword): the data of the trend charts and the archive.</summary>
internal sealed record CountedLabel(string Label, int Count);

/// <summary>What /trends shows, for the weeks up to the newest data (not the wall clock, so it is reproducible).</summary>
internal sealed record TrendsData(DateOnly? Since, DateOnly? Until, IReadOnlyList<CountedLabel> PerDay, IReadOnlyList<CountedLabel> PerTopic, IReadOnlyList<CountedLabel> Keywords);
