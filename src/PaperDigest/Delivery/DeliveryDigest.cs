namespace PaperDigest.Delivery;

/// <summary>One published (day, source, style, language) digest as the channels send it. Every text in it is untrusted.</summary>
internal sealed record DeliveryDigest(DateOnly Date, string Source, string Style, string Lang, IReadOnlyList<DeliveryPaper> Papers, string? PageUrl)
{
    public string Title => $"PaperDigest {Date:yyyy-MM-dd} · {Style}" + (Source == DigestFileReader.DefaultSource ? "" : $" · {Source}");
}

/// <summary>One paper of a digest: its link and its summary flattened to lines of plain text.</summary>
internal sealed record DeliveryPaper(string Id, string Title, string Url, IReadOnlyList<string> Summary);
