using System.Globalization;
using System.Text;
using PaperDigest.Papers;
using PaperDigest.Summaries;

namespace PaperDigest.Publishing;

/// <summary>Pure renderer of the `report` layout of PRODUCT.md (like seed 004): five numbered sections per paper.</summary>
internal static class ReportMarkdownRenderer
{
    private const string Rule = "============================================================";

    public static string Render(Digest digest)
    {
        var sb = new StringBuilder();
        var day = digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        sb.Append("# ").Append(digest.Origin is { } origin ? MarkdownText.Literal(origin.Title) : "Hugging Face Daily Papers").Append(" Report\n");
        sb.Append("**Date**: ").Append(day).Append('\n');
        sb.Append("**Source URL**: ").Append(digest.Origin?.Url ?? "https://huggingface.co/papers/date/" + day).Append("\n\n");
        sb.Append(Rule).Append("\n\n");
        foreach (var entry in digest.Entries)
        {
            sb.Append(RenderPaper(entry, digest.Lang, digest.Origin is null));
            sb.Append("\n\n\n").Append(Rule).Append('\n'); // seed 004: two blank lines before the rule
            if (!ReferenceEquals(entry, digest.Entries[^1])) sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>One paper's block: heading, links, read-from line, and the five sections (or the failure).</summary>
    public static string RenderPaper(DigestEntry entry, string lang, bool huggingFace = true)
    {
        var en = lang == "en";
        var sb = new StringBuilder();
        sb.Append("## 📄 ").Append(MarkdownText.Literal(entry.Paper.Title)).Append("\n\n");
        sb.Append(en ? "- **Link**: " : "- **链接**: ").Append(huggingFace ? "https://huggingface.co/papers/" : "https://arxiv.org/abs/").Append(entry.Paper.Id.Id).Append('\n');
        entry.Summaries.TryGetValue("report", out var report);
        sb.Append(en ? "- **Read from**: " : "- **阅读来源**: ").Append(SourceLabel(report?.Source)).Append('\n');
        sb.Append('\n');

        if (DigestMarkdownRenderer.Failure(entry, SummaryStyles.Report, lang) is { } failure)
        {
            sb.Append(failure).Append('\n');
            return sb.ToString().TrimEnd('\n');
        }
        var s = report!;
        var style = SummaryStyles.Report;
        string H(string field) => style.Field(field)!.Heading(lang);
        string T(string field) => DigestMarkdownRenderer.FieldText(s, style.Field(field)!, lang);
        IEnumerable<string> L(string field) => DigestMarkdownRenderer.ListItems(s, field);
        var colon = en ? ": " : "：";

        sb.Append("1. **").Append(H("application_domain")).Append("**\n   ").Append(T("application_domain")).Append("\n\n");
        sb.Append("2. **").Append(H("core_contribution")).Append("**\n   ").Append(T("core_contribution")).Append("\n\n");
        sb.Append("3. **").Append(en ? "Usage guide" : "使用指南").Append("**\n");
        sb.Append("   *   **").Append(H("usage_input")).Append("**").Append(colon).Append(T("usage_input")).Append('\n');
        sb.Append("   *   **").Append(H("usage_output")).Append("**").Append(colon).Append(T("usage_output")).Append('\n');
        sb.Append("   *   **").Append(H("usage_steps")).Append("**").Append(colon).Append('\n');
        var n = 1;
        foreach (var step in L("usage_steps")) sb.Append("     ").Append(n++).Append(". ").Append(step).Append('\n');
        sb.Append("   *   **").Append(H("usage_requirements")).Append("**").Append(colon).Append(T("usage_requirements")).Append("\n\n");
        sb.Append("4. **").Append(H("innovations")).Append("**\n");
        n = 1;
        foreach (var item in L("innovations")) sb.Append("   ").Append(n++).Append(".  ").Append(item).Append('\n');
        sb.Append('\n');
        sb.Append("5. **").Append(H("results")).Append("**\n");
        foreach (var item in L("results")) sb.Append("   *   ").Append(item).Append('\n');
        if (s.Unsupported.Count > 0)
            sb.Append('\n').Append(en ? "   ⚠ Not found in the paper: " : "   ⚠ 以下数字未在原文中找到：").Append(MarkdownText.Literal(string.Join(", ", s.Unsupported))).Append('\n');
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>PRODUCT.md: HTML | PDF | Abs (offline summaries were written from the abstract).</summary>
    private static string SourceLabel(string? source) => source switch
    {
        "HTML" or "PDF" => source,
        _ => "Abs",
    };
}
