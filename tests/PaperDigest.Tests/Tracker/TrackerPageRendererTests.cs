using System.Globalization;
using System.Text.RegularExpressions;
using PaperDigest.Papers;
using PaperDigest.Tests.TestSupport;
using PaperDigest.Tracker;

namespace PaperDigest.Tests.Tracker;

public sealed partial class TrackerPageRendererTests
{
    private const string SeedFile = "002_427daa38784debe1.txt";

    [GeneratedRegex(@"^\|\*\*(?<date>\d{4}-\d\d-\d\d)\*\*\|\[(?<title>.*)\]\(http://arxiv\.org/abs/(?<id>[^)]+)\)\|(?:null|\*\*\[link\]\((?<url>[^)]*)\)\*\*)\|(?<abs>.*)\|$")]
    private static partial Regex SeedRow();

    [Fact]
    public void Render_SmallModel_MatchesGoldenFile()
    {
        // Given two topics, three rows, one without code and one with '|' in its title
        var page = TrackerGoldenModel.Page();

        // When the page is rendered
        var markdown = TrackerPageRenderer.Render(page);

        // Then it is byte for byte the checked-in expectation
        Assert.Equal(TrackerGoldenModel.Golden("tracker_page.md"), markdown);
    }

    [FixtureFact]
    public void Render_RowsOfTheReferencePage_ReproducesItExactly()
    {
        // Given every row of the reference tracker page, parsed back into data and shuffled
        var seed = File.ReadAllText(Path.Combine(Fixtures.SharedDir, "seeds", SeedFile));
        var page = ParseSeed(seed);
        var shuffled = page with { Topics = page.Topics.Select(t => t with { Rows = t.Rows.Reverse().ToList() }).ToList() };

        // When it is rendered again
        var markdown = TrackerPageRenderer.Render(shuffled);

        // Then the first topic's lines, and indeed the whole file, come out identical, but for the documented escapes
        // in table cells: '<', '>' and '&' as entities so no abstract can inject HTML, '[' and ']' of abstracts escaped
        // so none is a live link, and the '{' of "{{" / "{%" as &#123; so Jekyll's Liquid leaves it (all read the same)
        var expected = string.Join('\n', seed.Split('\n').Select(ExpectedRow));

        var expectedLines = expected.Split('\n');
        var actualLines = markdown.Split('\n');
        Assert.Equal(expectedLines.Take(62), actualLines.Take(62));
        Assert.Equal(expected, markdown);
        Assert.Contains("&lt;ACT&gt; token", markdown);
    }

    private static string ExpectedRow(string line)
    {
        if (!line.StartsWith("|**", StringComparison.Ordinal)) return line;
        static string Entities(string t) => t.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        var abs = SeedRow().Match(line).Groups["abs"];
        var cell = Entities(abs.Value).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
        cell = Regex.Replace(cell, @"\{(?=[{%])", "&#123;");
        return Entities(line[..abs.Index]) + cell + line[(abs.Index + abs.Length)..];
    }

    [Fact]
    public async Task WriteAsync_Page_WritesTheUsageFileThePageLinksTo()
    {
        // Given the page, whose usage line links to ./docs/README.md#usage
        var page = TrackerGoldenModel.Page();
        var dir = Directory.CreateTempSubdirectory("pd-usage-").FullName;
        try
        {
            // When it is written
            var files = await TrackerPublisher.WriteAsync(page, dir, CancellationToken.None);

            // Then docs/README.md exists, has the "## Usage" heading the anchor names, and lists every topic
            var usage = Path.Combine(dir, "docs", "README.md");
            Assert.Contains(usage, files);
            Assert.Contains("./docs/README.md#usage", TrackerPageRenderer.UsageLine);
            var text = await File.ReadAllTextAsync(usage);
            Assert.Contains("\n## Usage\n", text);
            Assert.All(page.Topics, t => Assert.Contains($"- {t.Name} (at most {t.MaxRows} papers)", text));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void RenderRow_HostileText_NoHtmlAndNoScriptLink()
    {
        // Given a row whose title, abstract and code link came from an attacker
        var row = new TrackerRow(ArxivId.Parse("2601.00001"), "A [title](javascript:x) <img src=x onerror=alert(1)>", new DateOnly(2026, 1, 1),
            "javascript:alert(1)", "<script>alert(1)</script> & more");

        // When
        var line = TrackerPageRenderer.RenderRow(row);

        // Then
        Assert.DoesNotContain("<", line);
        Assert.DoesNotContain("javascript:alert", line);
        Assert.Contains("|null|", line);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", line);
        Assert.Contains("A \\[title\\](javascript:x)", line);
    }

    [Fact]
    public void Render_MoreRowsThanMax_KeepsTheNewest()
    {
        // Given a topic allowing two rows and three papers
        var rows = new[] { "2509.00002", "2509.00010", "2508.99999" }
            .Select(id => new TrackerRow(ArxivId.Parse(id), id, new DateOnly(2025, 9, 1), null, "a"))
            .ToList();
        var page = new TrackerPage(new DateOnly(2025, 9, 2), [new TrackerTopic("T", rows, MaxRows: 2)]);

        // When the page is rendered
        var markdown = TrackerPageRenderer.Render(page);

        // Then only the two newest ids are listed, newest first
        var listed = markdown.Split('\n').Where(l => l.StartsWith("|**", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains("abs/2509.00010)", listed[0], StringComparison.Ordinal);
        Assert.Contains("abs/2509.00002)", listed[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a | b", @"a \| b")]
    [InlineData("line one\nline two\r\n  three", "line one line two three")]
    [InlineData("  padded  ", "padded")]
    [InlineData(null, "")]
    public void Cell_Text_StaysOnOneLineWithPipesEscaped(string? text, string expected)
    {
        // Given text for a table cell
        // When it is made safe
        // Then the table cannot break
        Assert.Equal(expected, TrackerPageRenderer.Cell(text));
    }

    [Fact]
    public void RenderRow_OldStyleIdAndNoCode_UsesBareIdAndNull()
    {
        // Given an old-style id with a version and no code
        var row = new TrackerRow(ArxivId.Parse("astro-ph/0601001v3"), "Hot Jupiters", new DateOnly(2006, 1, 2), null, "Abstract.");

        // When the row is rendered
        var line = TrackerPageRenderer.RenderRow(row);

        // Then the link has no version and the code cell says null
        Assert.Equal("|**2006-01-02**|[Hot Jupiters](http://arxiv.org/abs/astro-ph/0601001)|null|Abstract.|", line);
    }

    private static TrackerPage ParseSeed(string seed)
    {
        var topics = new List<TrackerTopic>();
        string? name = null;
        var rows = new List<TrackerRow>();
        foreach (var line in seed.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal) && !line.StartsWith("## Updated", StringComparison.Ordinal))
            {
                if (name is not null) topics.Add(new TrackerTopic(name, rows));
                name = line[3..];
                rows = [];
            }
            else if (SeedRow().Match(line) is { Success: true } m)
            {
                rows.Add(new TrackerRow(
                    ArxivId.Parse(m.Groups["id"].Value),
                    m.Groups["title"].Value,
                    DateOnly.ParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    m.Groups["url"].Success ? m.Groups["url"].Value : null,
                    m.Groups["abs"].Value));
            }
        }
        topics.Add(new TrackerTopic(name!, rows));
        return new TrackerPage(new DateOnly(2025, 9, 29), topics);
    }
}
