using PaperDigest.Publishing;
using PaperDigest.Summaries;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Publishing;

/// <summary>Golden files: the expected Markdown is checked in under Golden/Daily and compared exactly.</summary>
public sealed class DigestMarkdownRendererTests
{
    [Theory]
    [InlineData("brief", "zh")]
    [InlineData("brief", "en")]
    [InlineData("keywords", "zh")]
    [InlineData("keywords", "en")]
    [InlineData("json", "zh")]
    [InlineData("report", "zh")]
    [InlineData("report", "en")]
    public void Render_SampleDigest_MatchesGoldenFile(string style, string lang)
    {
        // Given
        var digest = style == "report" ? DigestSamples.Report(lang) : DigestSamples.TwoPapers(lang);

        // When
        var text = style == "json" ? DigestJsonRenderer.Render(digest) : DigestMarkdownRenderer.Render(digest, SummaryStyles.Find(style)!);

        // Then
        var golden = Path.Combine(AppContext.BaseDirectory, "Golden", "Daily", $"{style}.{lang}.{(style == "json" ? "json" : "md")}");
        if (Environment.GetEnvironmentVariable("PAPERDIGEST_UPDATE_GOLDEN") == "1")
            File.WriteAllText(Path.Combine(SourceDir(), "Golden", "Daily", Path.GetFileName(golden)), text);
        Assert.Equal(File.ReadAllText(golden), text);
    }

    [FixtureFact]
    public void Render_Brief_SameShapeAsSeed000()
    {
        // Given: the seed's first lines
        var seed = File.ReadAllText(Path.Combine(Fixtures.SharedDir, "seeds", "000_bfea9c02e08c3257.txt"));
        var digest = DigestSamples.TwoPapers("zh");

        // When
        var text = DigestMarkdownRenderer.Render(digest, SummaryStyles.Brief);

        // Then: the same header shape, paper heading shape, "summary:i) " line and blank-line separators
        Assert.StartsWith("\n\n# Papers for ", seed);
        Assert.StartsWith("\n\n# Papers for 2025-09-21\n\n## [", text);
        Assert.Matches(@"\n## \[[^\n]+\]\(https://arxiv\.org/pdf/\d{4}\.\d{5}\)\nsummary:i\) 论文总结 ", seed);
        Assert.Matches(@"\n## \[[^\n]+\]\(https://arxiv\.org/pdf/\d{4}\.\d{5}\)\nsummary:i\) 论文总结 ", text);
        Assert.EndsWith("\n\n", seed);
        Assert.EndsWith("\n\n", text);
    }

    [FixtureFact]
    public void Render_Report_SameSeparatorsAsSeed004()
    {
        // Given
        var seed = File.ReadAllText(Path.Combine(Fixtures.SharedDir, "seeds", "004_27671fb5d4b838a1.txt"));
        var rule = new string('=', 60);

        // When
        var text = DigestMarkdownRenderer.Render(DigestSamples.Report("zh"), SummaryStyles.Report);

        // Then: header, rule, paper blocks separated by two blank lines and a rule, the file ending in a rule
        foreach (var doc in new[] { seed, text })
        {
            Assert.Matches(@"^# Hugging Face Daily Papers Report\n\*\*Date\*\*: \d{4}-\d{2}-\d{2}\n\*\*Source URL\*\*: https://huggingface\.co/papers/date/\d{4}-\d{2}-\d{2}\n\n=+\n\n## 📄 ", doc);
            Assert.Contains($"\n\n\n{rule}\n\n## 📄 ", doc);
            Assert.Matches(@"\n- \*\*链接\*\*: https://huggingface\.co/papers/\d{4}\.\d{5}\n- \*\*阅读来源\*\*: (HTML|PDF|Abs)\n", doc);
            Assert.EndsWith($"\n\n\n{rule}\n", doc);
        }
    }

    [Fact]
    public void Render_TitleWithLineWrapAndBrackets_SingleSpacedAndEscaped()
    {
        var text = DigestMarkdownRenderer.Render(DigestSamples.TwoPapers("zh"), SummaryStyles.Brief);
        Assert.Contains("## [ScaleCUA: Scaling Open-Source Computer Use Agents \\[v2\\]](https://arxiv.org/pdf/2509.15221)", text);
        Assert.Contains("该研究提出了ScaleCUA，一个跨平台的计算机使用代理。", text);
    }

    private static string SourceDir([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
