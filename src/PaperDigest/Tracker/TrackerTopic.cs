using System.Globalization;

namespace PaperDigest.Tracker;

/// <summary>One topic's table: its rows in any order, and how many to show.</summary>
internal sealed record TrackerTopic(string Name, IReadOnlyList<TrackerRow> Rows, int MaxRows = TopicOptions.DefaultMaxPerTopic)
{
    /// <summary>
    /// The rows to show: newest first by arXiv id (submission order, as the reference page sorts;
    /// a revised paper keeps its place), at most <see cref="MaxRows"/>. Rows are shown as given:
    /// merging duplicates is the store's business (the reference page itself lists one paper twice).
    /// </summary>
    public IReadOnlyList<TrackerRow> NewestRows() =>
        Rows.OrderByDescending(r => SubmissionKey(r.Id.Id))
            .ThenByDescending(r => r.Published)
            .Take(Math.Max(0, MaxRows))
            .ToList();

    /// <summary>yyyymm * 10^6 + sequence number, for new (2509.22653) and old (astro-ph/0601001) ids alike.</summary>
    internal static long SubmissionKey(string id)
    {
        var digits = id.Contains('/', StringComparison.Ordinal) ? id[(id.LastIndexOf('/') + 1)..] : id.Replace(".", "", StringComparison.Ordinal);
        if (digits.Length < 5 || !long.TryParse(digits.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var yymm)
            || !long.TryParse(digits.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            return 0;
        var year = yymm / 100;
        year += year >= 91 ? 1900 : 2000;
        return ((year * 100) + (yymm % 100)) * 1_000_000 + sequence;
    }
}
