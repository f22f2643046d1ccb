using PaperDigest.Ranking;

namespace PaperDigest.Tests.Ranking;

public sealed class BibtexParserTests
{
    private const string Library = """
        % exported by hand, with the quirks of real libraries
        @string{ icra = "International Conference on Robotics and Automation" }
        @STRING(rss = {Robotics: Science and Systems})
        @comment{ this entry is ignored: @article{fake, title={Not a paper}} }
        @preamble{ "\newcommand{\noop}[1]{}" }

        @inproceedings{levine2016,
          author    = {Levine, Sergey and Finn, Chelsea and Darrell, Trevor and Abbeel, Pieter},
          title     = {{End-to-End} Training of Deep {Visuomotor} Policies},
          booktitle = icra # " 2016",
          abstract  = "Policy search methods can allow robots to learn control policies for a wide range of tasks.",
          date-added = {2024-03-05 10:00:00 +0000},
        }

        @article{Schölkopf2021,
          author = {Sch{\"o}lkopf, Bernhard and Locatello, Francesco and Jos\'{e} M. \'Alvarez and Paul Erd\H{o}s and Gro{\ss}, Ulrich},
          title = {Toward Causal Representation Learning},
          journal = rss,
          year = 2021,
          month = jan
        }

        @misc{notitle, author = {Nobody}}
        """;

    [Fact]
    public void Parse_LibraryWithQuirks_ReadsTitlesAuthorsAccentsAndAbstracts()
    {
        // Given a BibTeX library with @string macros, # concatenation, braces, accents, @comment and an entry without a title

        // When it is parsed
        var papers = BibtexParser.Parse(Library, "my.bib");

        // Then two papers are read; braces are gone, accents composed, names turned first-last, a missing abstract empty
        Assert.Equal(["End-to-End Training of Deep Visuomotor Policies", "Toward Causal Representation Learning"], papers.Select(p => p.Title));
        Assert.Equal(["Sergey Levine", "Chelsea Finn", "Trevor Darrell", "Pieter Abbeel"], papers[0].Authors);
        Assert.StartsWith("Policy search methods can allow robots", papers[0].Abstract, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 3, 5), papers[0].Added);
        Assert.Equal(["Bernhard Schölkopf", "Francesco Locatello", "José M. Álvarez", "Paul Erdős", "Ulrich Groß"], papers[1].Authors);
        Assert.Equal("", papers[1].Abstract);
        Assert.Null(papers[1].Added);
    }

    [Fact]
    public void Parse_UnclosedEntry_NamesFileAndLine()
    {
        // Given an entry whose braces never close, on line 3
        var text = "% a\n\n@article{x,\n title = {Broken\n";

        // When it is parsed
        var ex = Assert.Throws<LibraryFormatException>(() => BibtexParser.Parse(text, "lib.bib"));

        // Then the error names the file and the line of the value
        Assert.Contains("lib.bib:4", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"Fran{\c c}ois", "François")]
    [InlineData(@"{\'E}cole -- Paris~Saclay", "École – Paris Saclay")]
    [InlineData(@"R\&D at 50\% \emph{scale}", "R&D at 50% scale")]
    [InlineData(@"Ko{\v{s}}ice", "Košice")]
    public void Clean_Latex_GivesPlainText(string latex, string expected) =>
        Assert.Equal(expected, BibtexParser.Clean(latex));
}
