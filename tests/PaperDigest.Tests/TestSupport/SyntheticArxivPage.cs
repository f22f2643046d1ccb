using System.Globalization;
using System.Text;

namespace PaperDigest.Tests.TestSupport;

/// <summary>Made-up LaTeXML pages: a small complete one for the core cases, and big ones (mostly tables) for limits and benchmarks.</summary>
public static class SyntheticArxivPage
{
    /// <summary>A complete small page: chrome, title, authors, abstract, sections with a subsection, a table, math, an appendix and a bibliography.</summary>
    public const string Small = """
        <!DOCTYPE html><html lang="en"><head><title>[2501.00001] A Small Paper</title></head><body>
        <nav class="ltx_page_navbar"><nav class="ltx_TOC"><ol class="ltx_toclist"><li class="ltx_tocentry">1 Introduction NAVTEXT</li></ol></nav></nav>
        <div class="ltx_page_main"><div class="ltx_page_content">
        <article class="ltx_document">
        <h1 class="ltx_title ltx_title_document">A Small Paper</h1>
        <div class="ltx_authors"><span class="ltx_creator ltx_role_author"><span class="ltx_personname">Ada Lovelace</span><span class="ltx_author_notes"><span class="ltx_contact ltx_role_affiliation">Analytical Engine Institute</span></span></span>
        <span class="ltx_creator ltx_role_author"><span class="ltx_personname">Alan Turing</span><span class="ltx_author_notes"><span class="ltx_contact ltx_role_affiliation">Bletchley Park</span></span></span></div>
        <div class="ltx_abstract"><h6 class="ltx_title ltx_title_abstract">Abstract</h6><p class="ltx_p">We add numbers.</p></div>
        <section class="ltx_section" id="S1"><h2 class="ltx_title ltx_title_section"><span class="ltx_tag ltx_tag_section">1 </span>Introduction</h2>
        <div class="ltx_para"><p class="ltx_p">Adding is useful <cite class="ltx_cite">(Babbage, 1837)</cite>.<span class="ltx_note ltx_role_footnote"><sup class="ltx_note_mark">1</sup><span class="ltx_note_outer"><span class="ltx_note_content">FOOTNOTETEXT</span></span></span></p></div></section>
        <section class="ltx_section" id="S2"><h2 class="ltx_title ltx_title_section"><span class="ltx_tag ltx_tag_section">2 </span>Method</h2>
        <div class="ltx_para"><p class="ltx_p">We compute <math alttext="a+b=c" class="ltx_Math" display="inline"><semantics><mi>a</mi><annotation encoding="application/x-tex">a+b=c</annotation></semantics></math> for all inputs.</p></div>
        <table class="ltx_equation ltx_eqn_table"><tr class="ltx_equation ltx_eqn_row"><td class="ltx_eqn_cell"><math alttext="E=mc^{2}" class="ltx_Math" display="block"><mi>E</mi></math></td><td class="ltx_eqn_cell ltx_eqn_eqno"><span class="ltx_tag ltx_tag_equation">(1)</span></td></tr></table>
        <section class="ltx_subsection" id="S2.SS1"><h3 class="ltx_title ltx_title_subsection"><span class="ltx_tag ltx_tag_subsection">2.1 </span>Training</h3>
        <div class="ltx_para"><p class="ltx_p">We train for a while.</p></div>
        <figure class="ltx_table" id="S2.T1"><figcaption class="ltx_caption"><span class="ltx_tag ltx_tag_table">Table 1: </span>Results.</figcaption>
        <table class="ltx_tabular"><thead class="ltx_thead"><tr class="ltx_tr"><th class="ltx_td ltx_th">Model</th><th class="ltx_td ltx_th">Accuracy</th></tr></thead>
        <tbody class="ltx_tbody"><tr class="ltx_tr"><td class="ltx_td">Ours</td><td class="ltx_td">94.4</td></tr><tr class="ltx_tr"><td class="ltx_td">Baseline</td><td class="ltx_td">67.8</td></tr></tbody></table></figure>
        </section></section>
        <section class="ltx_section" id="S3"><h2 class="ltx_title ltx_title_section"><span class="ltx_tag ltx_tag_section">3 </span>Related Work</h2><div class="ltx_para"><p class="ltx_p">Others added too.</p></div></section>
        <section class="ltx_appendix" id="A1"><h2 class="ltx_title ltx_title_appendix"><span class="ltx_tag ltx_tag_appendix">Appendix A </span>Proofs</h2><div class="ltx_para"><p class="ltx_p">Appendix text.</p></div></section>
        <section class="ltx_bibliography" id="bib"><h2 class="ltx_title ltx_title_bibliography">References</h2><ul class="ltx_biblist"><li class="ltx_bibitem"><span class="ltx_bibblock">BIBTEXT Babbage. On engines.</span></li></ul></section>
        </article></div><footer class="ltx_page_footer">FOOTERTEXT</footer></div></body></html>
        """;

    /// <summary>A LaTeXML page of about <paramref name="bytes"/> bytes that is mostly tables of numbers, with some prose between them.</summary>
    public static string MostlyTables(int bytes)
    {
        var page = new StringBuilder(bytes + 4096);
        page.Append("<!DOCTYPE html><html><head><title>Tables</title></head><body><article class=\"ltx_document\"><h1 class=\"ltx_title ltx_title_document\">Many Tables</h1>");
        page.Append("<div class=\"ltx_abstract\"><p class=\"ltx_p\">A paper that is mostly tables.</p></div>");
        var section = 0;
        while (page.Length < bytes)
        {
            section++;
            page.Append(CultureInfo.InvariantCulture, $"<section class=\"ltx_section\"><h2 class=\"ltx_title ltx_title_section\"><span class=\"ltx_tag ltx_tag_section\">{section} </span>Experiments {section}</h2>");
            page.Append(CultureInfo.InvariantCulture, $"<div class=\"ltx_para\"><p class=\"ltx_p\">Section {section} reports results. The model improves on every row. See the table below.</p></div>");
            page.Append(CultureInfo.InvariantCulture, $"<figure class=\"ltx_table\"><figcaption class=\"ltx_caption\">Table {section}: Scores.</figcaption><table class=\"ltx_tabular\">");
            page.Append("<tr class=\"ltx_tr\"><td class=\"ltx_td\">Model</td><td class=\"ltx_td\">A</td><td class=\"ltx_td\">B</td><td class=\"ltx_td\">C</td><td class=\"ltx_td\">D</td></tr>");
            for (var row = 0; row < 40; row++)
            {
                page.Append(CultureInfo.InvariantCulture, $"<tr class=\"ltx_tr\"><td class=\"ltx_td ltx_align_left\">Model-{section}-{row}</td>");
                for (var col = 0; col < 4; col++) page.Append(CultureInfo.InvariantCulture, $"<td class=\"ltx_td ltx_align_center\"><span class=\"ltx_text\">{(section * 7 + row * 3 + col) % 100}.{row % 10}</span></td>");
                page.Append("</tr>");
            }
            page.Append("</table></figure></section>");
        }
        page.Append("</article></body></html>");
        return page.ToString();
    }
}
