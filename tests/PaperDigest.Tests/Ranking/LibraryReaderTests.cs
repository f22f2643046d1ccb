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

    [Fact]
    public void Read_EntriesNamingArxiv_CarryTheirArxivIds()
    {
        // Given a BibTeX library as arXiv, Zotero and Google Scholar export it, and a book
        var path = Path.Combine(_dir, "arxiv.bib");
        File.WriteAllText(path, """
            @misc{a, title = {Diffusion Policy}, eprint = {2303.04137}, archivePrefix = {arXiv}, primaryClass = {cs.RO}}
            @article{b, title = {RT-2}, url = {http://arxiv.org/abs/2307.15818v1}}
            @article{c, title = {Scholar Style}, journal = {arXiv preprint arXiv:2401.00001}}
            @article{d, title = {DataCite Style}, doi = {10.48550/arXiv.2402.00002}}
            @book{e, title = {Probabilistic Robotics}, publisher = {MIT Press}, doi = {10.5555/1121596}}
            """);

        // When it is read
        var ids = LibraryReader.Read(path).Select(p => p.Id?.Versioned).ToList();

        // Then each arXiv entry has its id (with the version where named), the book none
        Assert.Equal(["2303.04137", "2307.15818v1", "2401.00001", "2402.00002", null], ids);
    }

    [Fact]
    public void Read_ZoteroExportsNamingArxiv_CarryTheirArxivIds()
    {
        // Given Zotero's CSL-JSON (URL) and CSV (Extra) exports of arXiv preprints
        var json = Path.Combine(_dir, "z.json");
        File.WriteAllText(json, """[{"title": "A", "URL": "https://arxiv.org/abs/2405.12345v2"}, {"title": "B", "number": "arXiv:2405.54321"}]""");
        var csv = Path.Combine(_dir, "z.csv");
        File.WriteAllText(csv, "Title,Url,Extra\nC,,\"arXiv: 2406.00001\"\nD,https://example.org/d,\n");

        // When they are read
        var fromJson = LibraryReader.Read(json).Select(p => p.Id?.Versioned).ToList();
        var fromCsv = LibraryReader.Read(csv).Select(p => p.Id?.Versioned).ToList();

        // Then
        Assert.Equal(["2405.12345v2", "2405.54321"], fromJson);
        Assert.Equal(["2406.00001", null], fromCsv);
    }
}
