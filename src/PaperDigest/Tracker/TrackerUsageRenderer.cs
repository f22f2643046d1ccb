using System.Globalization;
using System.Text;
using PaperDigest.Papers;

namespace PaperDigest.Tracker;

/// <summary>
/// Renders docs/README.md, the file the tracker page's "Usage instructions" line links to (<c>./docs/README.md#usage</c>):
/// what the page is, the topics it tracks, how to run and configure it. Pure: data in, text out (LF line ends).
/// No front matter; topic names are Liquid-neutralised as the page's are, for GitHub Pages' optional front matter.
/// </summary>
internal static class TrackerUsageRenderer
{
    public static string Render(TrackerPage page)
    {
        var sb = new StringBuilder();
        sb.Append("# arXiv topic tracker\n\n");
        sb.Append("Written by PaperDigest's `track` command; last updated on ")
            .Append(page.UpdatedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(".\n\n");
        sb.Append("## Usage\n\n");
        sb.Append("The page lists, per topic, the newest arXiv papers its query found: the date of the first version, the title\n");
        sb.Append("(a link to the arXiv abstract page), a code link when one was found (else `null`), and the abstract, translated\n");
        sb.Append("when an LLM is configured. The same data is in `docs/papers.json`.\n\n");
        sb.Append("Topics on this page:\n\n");
        foreach (var topic in page.Topics)
            sb.Append("- ").Append(MarkdownText.Literal(topic.Name)).Append(" (at most ").Append(topic.MaxRows.ToString(CultureInfo.InvariantCulture)).Append(" papers)\n");
        sb.Append('\n');
        sb.Append("To update the page:\n\n");
        sb.Append("```sh\npaperdigest track --out .\n```\n\n");
        sb.Append("Topics are set under `tracker.topics` in `paperdigest.yaml` (each a `name` and `terms` and/or `categories`;\n");
        sb.Append("optional `title_terms`, `require`, `exclude`, `max_per_topic`); `tracker.lang` is the abstracts' language.\n");
        sb.Append("A paper stays listed after arXiv stops returning it; a paper matching several topics is under each.\n");
        return sb.ToString();
    }
}
