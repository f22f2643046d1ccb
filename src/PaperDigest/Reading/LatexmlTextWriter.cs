using System.Text;
using AngleSharp.Dom;

namespace PaperDigest.Reading;

/// <summary>
/// Writes the inline text of LaTeXML elements into one reused buffer: whitespace collapsed, math as its LaTeX alttext
/// (<c>$...$</c>), footnotes and error markers left out, and tabulars as <c>| cell | cell |</c> rows.
/// </summary>
internal sealed class LatexmlTextWriter
{
    private static readonly string[] Skipped = ["ltx_note", "ltx_ERROR", "ltx_listing_data", "ltx_bibliography", "ltx_page_navbar", "ltx_TOC"];

    private readonly StringBuilder _buffer = new(4096);
    private bool _pendingSpace;

    /// <summary>The collapsed inline text of an element.</summary>
    public string Inline(INode node)
    {
        _buffer.Clear();
        _pendingSpace = false;
        Append(node);
        return _buffer.ToString();
    }

    /// <summary>The collapsed inline text of a run of sibling nodes.</summary>
    public string Inline(IEnumerable<INode> nodes)
    {
        _buffer.Clear();
        _pendingSpace = false;
        foreach (var node in nodes) Append(node);
        return _buffer.ToString();
    }

    /// <summary>A LaTeXML tabular as lines <c>| cell | cell |</c>, one per row; empty rows are left out.</summary>
    public string Table(IElement tabular)
    {
        var table = new StringBuilder();
        AppendRows(tabular, table);
        return table.ToString();
    }

    /// <summary>Appends the rows of <paramref name="tabular"/> (and of its thead/tbody) to <paramref name="table"/>.</summary>
    public void AppendRows(IElement tabular, StringBuilder table)
    {
        foreach (var child in tabular.ChildNodes.OfType<IElement>())
        {
            var cls = child.ClassName;
            if (child.LocalName == "tr" || LatexmlClass.Has(cls, "ltx_tr")) AppendRow(child, table);
            else if (child.LocalName is "thead" or "tbody" or "tfoot" || LatexmlClass.HasAny(cls, ["ltx_thead", "ltx_tbody", "ltx_tfoot"])) AppendRows(child, table);
        }
    }

    private void AppendRow(IElement row, StringBuilder table)
    {
        var start = table.Length;
        var any = false;
        table.Append('|');
        foreach (var cell in row.ChildNodes.OfType<IElement>())
        {
            if (cell.LocalName is not ("td" or "th") && !LatexmlClass.Has(cell.ClassName, "ltx_td")) continue;
            var text = Inline(cell).Replace('|', '/');
            any |= text.Length > 0;
            table.Append(' ').Append(text).Append(text.Length > 0 ? " |" : "|");
            var span = int.TryParse(cell.GetAttribute("colspan"), out var n) ? Math.Clamp(n, 1, 64) : 1;
            for (var i = 1; i < span; i++) table.Append(" |");
        }
        if (any) table.Append('\n');
        else table.Length = start;
    }

    private void Append(INode node)
    {
        if (node is IText text)
        {
            AppendCollapsed(text.Data);
            return;
        }
        if (node is not IElement element)
        {
            return;
        }
        switch (element.LocalName)
        {
            case "math":
                AppendMath(element);
                return;
            case "br":
                _pendingSpace = true;
                return;
            case "img" or "svg" or "script" or "style" or "button" or "input" or "annotation" or "annotation-xml":
                return;
            case "tr":
                AppendInlineRow(element);
                return;
        }
        var cls = element.ClassName;
        if (cls is not null)
        {
            if (LatexmlClass.HasAny(cls, Skipped)) return;
            if (LatexmlClass.Has(cls, "ltx_tr"))
            {
                AppendInlineRow(element);
                return;
            }
        }
        foreach (var child in element.ChildNodes) Append(child);
    }

    private void AppendInlineRow(IElement row)
    {
        _pendingSpace = true;
        foreach (var cell in row.ChildNodes)
        {
            Append(cell);
            if (cell is IElement) _pendingSpace = true;
        }
    }

    private void AppendMath(IElement math)
    {
        var tex = math.GetAttribute("alttext");
        if (string.IsNullOrWhiteSpace(tex))
        {
            AppendCollapsed(math.TextContent);
            return;
        }
        AppendCollapsed("$");
        var at = _buffer.Length;
        AppendCollapsed(tex.Trim());
        if (_buffer.Length == at) _buffer.Length--;
        else _buffer.Append('$');
    }

    private void AppendCollapsed(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
            }
            if (_pendingSpace && _buffer.Length > 0) _buffer.Append(' ');
            _pendingSpace = false;
            _buffer.Append(c);
        }
    }
}
