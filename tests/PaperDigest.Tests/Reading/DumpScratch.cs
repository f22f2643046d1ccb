using PaperDigest.Reading;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Reading;

public sealed class DumpScratch
{
    [FixtureFact]
    public void Dump()
    {
        foreach (var f in new[] { "arxiv_html_2501.11120v1.html", "arxiv_html_2508.08468v6.html", "arxiv_html_NOT_AVAILABLE_2601.17668.html" })
        {
            var r = ArxivHtmlReader.Read(Fixtures.Read("arxiv_html/" + f));
            File.WriteAllText("/tmp/reading_" + f + ".txt", r.Value is null ? "NA: " + r.Reason : ArxivTextRenderer.Render(r.Value) + "\n\nKINDS:\n" + string.Join("\n", Flat(r.Value.Sections).Select(s => $"{s.Level} {s.Kind} {s.NumberedHeading}")));
        }
    }

    private static IEnumerable<ArxivSection> Flat(IEnumerable<ArxivSection> s) => s.SelectMany(x => new[] { x }.Concat(Flat(x.Subsections)));
}
