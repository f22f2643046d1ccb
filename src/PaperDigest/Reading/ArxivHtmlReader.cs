using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PaperDigest.Papers;

namespace PaperDigest.Reading;

/// <summary>
/// Reads the LaTeXML pages arXiv serves at <c>/html/&lt;id&gt;v&lt;N&gt;</c> into an <see cref="ArxivDocument"/>.
/// One parse and one walk over <c>ltx_document</c>, selecting by LaTeXML's <c>ltx_*</c> classes only, so arXiv's page
/// chrome (navigation, table of contents, banners, footers) and the bibliography never reach the text.
/// Bad input gives a reason, never an exception.
/// </summary>
internal sealed class ArxivHtmlReader
{
    private static readonly string[] SectionClasses =
        ["ltx_section", "ltx_subsection", "ltx_subsubsection", "ltx_paragraph", "ltx_subparagraph", "ltx_appendix", "ltx_chapter", "ltx_part", "ltx_acknowledgements"];

    private static readonly string[] Dropped =
        ["ltx_bibliography", "ltx_page_navbar", "ltx_TOC", "ltx_page_header", "ltx_page_footer", "ltx_note", "ltx_pagination", "ltx_ERROR",
         "ltx_listing_data", "ltx_keywords", "ltx_classification", "ltx_dates", "ltx_role_footnotetext"];

    private readonly LatexmlTextWriter _writer = new();
    private readonly Stack<SectionBuilder> _open = new();
    private string _title = "";
    private string _abstract = "";
    private IReadOnlyList<Author> _authors = [];

    private ArxivHtmlReader()
    {
    }

    /// <summary>Reads a page; not available (with the reason) for arXiv's "No HTML for ..." page, a page without <c>ltx_document</c>, a truncated or empty page.</summary>
    public static ReadResult<ArxivDocument> Read(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return ReadResult<ArxivDocument>.NotAvailable("empty page");
        if (html.AsSpan().TrimStart()[0] != '<') return ReadResult<ArxivDocument>.NotAvailable("not HTML");
        using var page = new HtmlParser().ParseDocument(html);
        var article = page.QuerySelector(".ltx_document");
        if (article is null) return NoDocument(page);
        if (html.LastIndexOf("</html>", StringComparison.OrdinalIgnoreCase) < 0) return ReadResult<ArxivDocument>.NotAvailable("truncated page (no closing </html>)");
        return new ArxivHtmlReader().ReadDocument(article);
    }

    /// <summary>Reads a page AngleSharp has already parsed (without the truncation check, which needs the text).</summary>
    public static ReadResult<ArxivDocument> Read(IDocument page)
    {
        var article = page.QuerySelector(".ltx_document");
        return article is null ? NoDocument(page) : new ArxivHtmlReader().ReadDocument(article);
    }

    private static ReadResult<ArxivDocument> NoDocument(IDocument page)
    {
        var notice = page.Body?.TextContent ?? "";
        var at = notice.IndexOf("No HTML for", StringComparison.OrdinalIgnoreCase);
        return ReadResult<ArxivDocument>.NotAvailable(at >= 0
            ? $"arXiv has no HTML for this paper ({NoticeLine(notice, at)})"
            : "no LaTeXML document (ltx_document) in the page");
    }

    private static string NoticeLine(string text, int at)
    {
        var end = text.IndexOf('\n', at);
        return Papers.Whitespace.Collapse(text[at..(end < 0 ? Math.Min(text.Length, at + 80) : end)]);
    }

    private ReadResult<ArxivDocument> ReadDocument(IElement article)
    {
        var root = new SectionBuilder("", 0, SectionKind.Other);
        _open.Push(root);
        Walk(article);
        var sections = new List<ArxivSection>();
        if (root.Blocks.Count > 0) sections.Add(new ArxivSection("", "", 1, SectionKind.Other, root.Blocks, []));
        sections.AddRange(root.Children.Select(c => c.Build()));
        if (!sections.Any(HasText)) return ReadResult<ArxivDocument>.NotAvailable("LaTeXML document has no body text");
        return ReadResult<ArxivDocument>.Ok(new ArxivDocument(_title, _authors, _abstract, sections));
    }

    private static bool HasText(ArxivSection section) => section.Blocks.Count > 0 || section.Subsections.Any(HasText);

    /// <summary>Visits the children of a block container; runs of loose text and inline elements become one paragraph.</summary>
    private void Walk(IElement container, INode? skip = null)
    {
        List<INode>? run = null;
        foreach (var node in container.ChildNodes)
        {
            if (node == skip) continue;
            if (IsInline(node))
            {
                (run ??= []).Add(node);
                continue;
            }
            FlushRun(run);
            if (node is IElement element) Visit(element);
        }
        FlushRun(run);
    }

    private static bool IsInline(INode node) => node switch
    {
        IText => true,
        IElement e => e.LocalName is "span" or "a" or "em" or "strong" or "b" or "i" or "cite" or "math" or "sup" or "sub" or "code" or "small" or "q" or "abbr" or "br"
            && !LatexmlClass.Has(e.ClassName, "ltx_p") && !LatexmlClass.Has(e.ClassName, "ltx_tabular"),
        _ => false,
    };

    private void FlushRun(List<INode>? run)
    {
        if (run is not { Count: > 0 }) return;
        AddBlock(BlockKind.Paragraph, _writer.Inline(run));
        run.Clear();
    }

    private void Visit(IElement e)
    {
        if (e.LocalName is "script" or "style" or "nav" or "header" or "footer" or "button" or "form" or "svg" or "noscript" or "img") return;
        var cls = e.ClassName;
        if (string.IsNullOrEmpty(cls))
        {
            if (e.LocalName == "p") AddBlock(BlockKind.Paragraph, _writer.Inline(e));
            else Walk(e);
            return;
        }
        if (LatexmlClass.HasAny(cls, Dropped)) return;
        if (LatexmlClass.Has(cls, "ltx_title_document")) _title = _writer.Inline(e);
        else if (LatexmlClass.Has(cls, "ltx_authors")) _authors = ArxivAuthorParser.Parse(e, _writer);
        else if (LatexmlClass.Has(cls, "ltx_abstract")) _abstract = ReadAbstract(e);
        else if (e.LocalName == "section" || LatexmlClass.HasAny(cls, SectionClasses)) ReadSection(e, cls);
        else if (LatexmlClass.Has(cls, "ltx_table") || LatexmlClass.Has(cls, "ltx_figure") || LatexmlClass.Has(cls, "ltx_float")) ReadFloat(e);
        else if (LatexmlClass.HasAny(cls, ["ltx_equation", "ltx_equationgroup", "ltx_eqn_table"])) ReadEquation(e);
        else if (LatexmlClass.HasAny(cls, ["ltx_itemize", "ltx_enumerate", "ltx_description"])) ReadList(e);
        else if (LatexmlClass.Has(cls, "ltx_proof")) AddBlock(BlockKind.Proof, _writer.Inline(e));
        else if (LatexmlClass.HasAny(cls, ["ltx_listing", "ltx_verbatim"]) || e.LocalName == "pre") AddBlock(BlockKind.Code, ReadCode(e));
        else if (LatexmlClass.Has(cls, "ltx_tabular")) AddBlock(BlockKind.Table, _writer.Table(e).TrimEnd('\n'));
        else if (LatexmlClass.Has(cls, "ltx_p") || LatexmlClass.Has(cls, "ltx_title") || e.LocalName == "p") AddBlock(BlockKind.Paragraph, _writer.Inline(e));
        else Walk(e);
    }

    private void ReadSection(IElement section, string? cls)
    {
        var parent = _open.Peek();
        var heading = "";
        var number = "";
        IElement? title = null;
        foreach (var child in section.ChildNodes.OfType<IElement>())
        {
            if (!LatexmlClass.Has(child.ClassName, "ltx_title")) continue;
            title = child;
            (number, heading) = ReadHeading(child);
            break;
        }
        var kind = SectionKindClassifier.Classify(cls, heading, parent.Kind);
        var builder = new SectionBuilder(number, parent.Level + 1, kind) { Heading = heading };
        parent.Children.Add(builder);
        _open.Push(builder);
        Walk(section, skip: title);
        _open.Pop();
    }

    private (string Number, string Heading) ReadHeading(IElement title)
    {
        var number = "";
        foreach (var tag in title.ChildNodes.OfType<IElement>())
        {
            if (!LatexmlClass.Has(tag.ClassName, "ltx_tag")) continue;
            number = _writer.Inline(tag).TrimEnd('.', ':', ' ');
            break;
        }
        var heading = _writer.Inline(title);
        if (number.Length > 0 && heading.StartsWith(number, StringComparison.Ordinal)) heading = heading[number.Length..].TrimStart('.', ':', ' ');
        return (number, heading);
    }

    private string ReadAbstract(IElement abstractElement)
    {
        var paragraphs = new List<string>();
        foreach (var p in abstractElement.QuerySelectorAll(".ltx_p"))
        {
            var text = _writer.Inline(p);
            if (text.Length > 0) paragraphs.Add(text);
        }
        if (paragraphs.Count == 0)
        {
            foreach (var title in abstractElement.QuerySelectorAll(".ltx_title")) title.Remove();
            paragraphs.Add(_writer.Inline(abstractElement));
        }
        return string.Join("\n\n", paragraphs);
    }

    private void ReadFloat(IElement figure)
    {
        var captions = new List<string>();
        var rows = new StringBuilder();
        CollectFloat(figure, captions, rows);
        var caption = string.Join(" ", captions);
        if (rows.Length > 0) AddBlock(BlockKind.Table, caption.Length == 0 ? rows.ToString().TrimEnd('\n') : caption + "\n" + rows.ToString().TrimEnd('\n'));
        else if (caption.Length > 0) AddBlock(BlockKind.Figure, caption);
    }

    private void CollectFloat(IElement element, List<string> captions, StringBuilder rows)
    {
        foreach (var child in element.ChildNodes.OfType<IElement>())
        {
            var cls = child.ClassName;
            if (LatexmlClass.Has(cls, "ltx_caption"))
            {
                var caption = _writer.Inline(child);
                if (caption.Length > 0) captions.Add(caption);
            }
            else if (LatexmlClass.Has(cls, "ltx_tabular")) _writer.AppendRows(child, rows);
            else if (child.LocalName is not ("img" or "svg" or "script") && !LatexmlClass.HasAny(cls, Dropped)) CollectFloat(child, captions, rows);
        }
    }

    private void ReadEquation(IElement equation)
    {
        var tex = new List<string>();
        var tags = new List<string>();
        foreach (var math in equation.GetElementsByTagName("math"))
        {
            var alt = math.GetAttribute("alttext");
            if (!string.IsNullOrWhiteSpace(alt)) tex.Add(Papers.Whitespace.Collapse(alt));
        }
        foreach (var tag in equation.GetElementsByClassName("ltx_tag_equation")) tags.Add(_writer.Inline(tag));
        if (tex.Count == 0) return;
        var text = "$$" + string.Join(" ", tex) + "$$";
        AddBlock(BlockKind.Equation, tags.Count == 0 ? text : text + " " + string.Join(" ", tags));
    }

    private void ReadList(IElement list)
    {
        foreach (var item in list.ChildNodes.OfType<IElement>())
        {
            if (item.LocalName != "li" && !LatexmlClass.Has(item.ClassName, "ltx_item")) continue;
            var text = _writer.Inline(item);
            if (text.Length > 0) AddBlock(BlockKind.ListItem, text.StartsWith('•') ? "-" + text[1..] : "- " + text);
        }
    }

    private string ReadCode(IElement code)
    {
        var lines = code.GetElementsByClassName("ltx_listingline");
        if (lines.Length == 0) return code.TextContent.Trim('\n');
        return string.Join("\n", lines.Select(l => _writer.Inline(l)));
    }

    private void AddBlock(BlockKind kind, string text)
    {
        if (text.Length > 0) _open.Peek().Blocks.Add(new ArxivBlock(kind, text));
    }

    private sealed class SectionBuilder(string number, int level, SectionKind kind)
    {
        public string Number { get; } = number;
        public int Level { get; } = level;
        public SectionKind Kind { get; } = kind;
        public string Heading { get; init; } = "";
        public List<ArxivBlock> Blocks { get; } = [];
        public List<SectionBuilder> Children { get; } = [];

        public ArxivSection Build() => new(Number, Heading, Level, Kind, Blocks, Children.Select(c => c.Build()).ToList());
    }
}
