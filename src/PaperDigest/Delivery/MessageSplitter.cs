namespace PaperDigest.Delivery;

/// <summary>
/// Packs a digest's papers into messages that a channel accepts, splitting only between papers: every paper is
/// delivered. A paper that does not fit even alone has its summary cut (its title and link always stay).
/// </summary>
internal static class MessageSplitter
{
    /// <param name="render">One message of these papers; the part is (n, of) when there are several, else null.</param>
    /// <param name="fits">The channel's limit: characters, UTF-8 bytes, blocks, ...</param>
    public static IReadOnlyList<T> Split<T>(
        IReadOnlyList<DeliveryPaper> papers, Func<IReadOnlyList<DeliveryPaper>, (int Part, int Of)?, T> render, Func<T, bool> fits)
    {
        var worst = ((int, int)?)(99, 99); // the longest part label, so that numbering never pushes a message over
        var groups = new List<List<DeliveryPaper>>();
        var current = new List<DeliveryPaper>();
        foreach (var paper in papers)
        {
            if (current.Count > 0 && fits(render([.. current, paper], worst)))
            {
                current.Add(paper);
                continue;
            }
            if (current.Count > 0) groups.Add(current);
            current = [Fit(paper, p => fits(render([p], worst)))];
        }
        if (current.Count > 0 || groups.Count == 0) groups.Add(current);
        return groups.Select((g, i) => render(g, groups.Count == 1 ? null : (i + 1, groups.Count))).ToList();
    }

    private static DeliveryPaper Fit(DeliveryPaper paper, Func<DeliveryPaper, bool> fits)
    {
        if (fits(paper)) return paper;
        var summary = string.Join(" ", paper.Summary);
        for (var keep = summary.Length * 3 / 4; keep > 0; keep = keep * 3 / 4)
        {
            var cut = char.IsHighSurrogate(summary[keep - 1]) ? keep - 1 : keep;
            var shorter = paper with { Summary = [summary[..cut].TrimEnd() + "…"] };
            if (fits(shorter)) return shorter;
        }
        return paper with { Summary = [] };
    }
}
