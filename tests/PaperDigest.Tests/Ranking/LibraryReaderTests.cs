using PaperDigest.Ranking;

namespace PaperDigest.Tests.Ranking;

public sealed class LibraryReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pd-library-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Read_ZoteroCslJson_ReadsItemsAuthorsAndAccessedDate()
    {
        // Given a Zotero CSL-JSON export
        var path = Path.Combine(_dir, "zotero.json");
        File.WriteAllText(path, """
            [{"id": "a", "type": "article", "title": "Legged Locomotion in Challenging Terrains", "abstract": "We train quadruped robots.",
              "author": [{"family": "Hwangbo", "given": "Jemin"}, {"literal": "ETH Robotics"}], "accessed": {"date-parts": [[2025, 6, 2]]}},
             {"id": "b", "type": "book"}]
            """);

        // When it is read
        var papers = LibraryReader.Read(path);

        // Then the titled item is read with its authors and date; the untitled one is skipped
        var paper = Assert.Single(papers);
        Assert.Equal("Legged Locomotion in Challenging Terrains", paper.Title);
        Assert.Equal(["Jemin Hwangbo", "ETH Robotics"], paper.Authors);
        Assert.Equal(new DateOnly(2025, 6, 2), paper.Added);
    }

    [Fact]
    public void Read_ZoteroCsv_ReadsQuotedMultilineFields()
    {
        // Given a Zotero CSV export with a quoted, multi-line abstract holding commas and doubled quotes
        var path = Path.Combine(_dir, "zotero.csv");
        File.WriteAllText(path, "\uFEFF\"Key\",\"Item Type\",\"Title\",\"Author\",\"Abstract Note\",\"Date Added\"\n"
            + "\"K1\",\"journalArticle\",\"Diffusion Policy\",\"Chi, Cheng; Song, Shuran\",\"Visuomotor policy, \"\"diffusion\"\"\nlearning.\",\"2025-01-02 03:04:05\"\n"
            + "\"K2\",\"note\",\"\",\"\",\"\",\"\"\n");

        // When it is read
        var papers = LibraryReader.Read(path);

        // Then one paper, the abstract kept whole
        var paper = Assert.Single(papers);
        Assert.Equal("Diffusion Policy", paper.Title);
        Assert.Equal(["Cheng Chi", "Shuran Song"], paper.Authors);
        Assert.Equal("Visuomotor policy, \"diffusion\" learning.", paper.Abstract);
        Assert.Equal(new DateOnly(2025, 1, 2), paper.Added);
    }

    [Fact]
    public void Read_BrokenJson_NamesFileAndLine()
    {
        // Given a CSL-JSON file broken on its third line
        var path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, "[\n{\"title\": \"x\"},\n{\"title\": }\n]");

        // When it is read
        var ex = Assert.Throws<LibraryFormatException>(() => LibraryReader.Read(path));

        // Then the message names the file and line 3
        Assert.Contains("bad.json:3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_NamesTheKey()
    {
        var ex = Assert.Throws<LibraryFormatException>(() => LibraryReader.Read(Path.Combine(_dir, "none.bib")));
        Assert.Contains("profile.library", ex.Message, StringComparison.Ordinal);
    }
}
