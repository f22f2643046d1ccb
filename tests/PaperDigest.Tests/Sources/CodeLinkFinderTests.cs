using PaperDigest.Sources;

namespace PaperDigest.Tests.Sources;

public sealed class CodeLinkFinderTests
{
    [Theory]
    [InlineData("Code: https://github.com/org/repo.", "https://github.com/org/repo")]
    [InlineData("Code is available (https://github.com/org/repo).", "https://github.com/org/repo")]
    [InlineData("see https://github.com/org/repo/tree/main/src for details", "https://github.com/org/repo")]
    [InlineData("https://github.com/org/repo.git", "https://github.com/org/repo")]
    [InlineData("https://github.com/org/repo.git.", "https://github.com/org/repo")]
    [InlineData("HTTPS://GitHub.com/Hu-chih-yao/see-point-fly", "https://github.com/Hu-chih-yao/see-point-fly")]
    [InlineData("github.com/org/my_repo.v2, and more", "https://github.com/org/my_repo.v2")]
    [InlineData("http://www.github.com/org/repo/", "https://github.com/org/repo")]
    [InlineData("\\url{https://github.com/org/repo}", "https://github.com/org/repo")]
    [InlineData("[code](https://github.com/org/repo);", "https://github.com/org/repo")]
    [InlineData("https://github.com/org/repo#readme", "https://github.com/org/repo")]
    [InlineData("https://github.com/org/repo?tab=readme", "https://github.com/org/repo")]
    [InlineData("Project page: https://team.github.io/project/.", "https://team.github.io/project/")]
    [InlineData("Demo at https://Team.GitHub.io", "https://team.github.io")]
    [InlineData("Weights: https://huggingface.co/org/model-7b.", "https://huggingface.co/org/model-7b")]
    [InlineData("Try https://huggingface.co/spaces/org/demo", "https://huggingface.co/spaces/org/demo")]
    [InlineData("Data: huggingface.co/datasets/org/bench-v1", "https://huggingface.co/datasets/org/bench-v1")]
    [InlineData("https://huggingface.co/models/org/m", "https://huggingface.co/org/m")]
    public void FindIn_Text_ReturnsTheCanonicalLink(string text, string expected)
    {
        // Given an abstract or comment mentioning code
        // When the link is looked for
        var link = CodeLinkFinder.FindIn(text);

        // Then it is the canonical repository or page URL
        Assert.Equal(expected, link);
    }

    [Theory]
    [InlineData("Code will be released at https://github.com/ soon.")]
    [InlineData("https://github.com/org")]
    [InlineData("https://github.com/orgs/openai/repositories")]
    [InlineData("https://github.com/features/copilot")]
    [InlineData("See https://huggingface.co/papers/2509.22653")]
    [InlineData("https://huggingface.co/docs/transformers")]
    [InlineData("Mail me at someone@github.com/x")]
    [InlineData("notgithub.com/org/repo")]
    [InlineData("https://spf-web.pages.dev")]
    [InlineData("")]
    public void FindIn_NoRepository_ReturnsNull(string text)
    {
        // Given text without a usable code link
        // When the link is looked for
        // Then there is none
        Assert.Null(CodeLinkFinder.FindIn(text));
    }

    [Fact]
    public void FindIn_SeveralKinds_PrefersGithubRepoThenPagesThenHuggingFace()
    {
        // Given text naming a HF model first, a project page second and a GitHub repo last
        var text = "Model: https://huggingface.co/org/m. Page: https://org.github.io/p. Code: https://github.com/org/code.";

        // When the link is looked for
        // Then the GitHub repository wins, then the project page
        Assert.Equal("https://github.com/org/code", CodeLinkFinder.FindIn(text));
        Assert.Equal("https://org.github.io/p", CodeLinkFinder.FindIn(text.Replace("https://github.com/org/code", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Find_HuggingFaceRepo_WinsOverAbstract()
    {
        // Given HF's githubRepo and a different repo in the abstract
        // When the link is chosen
        var link = CodeLinkFinder.Find("https://github.com/HF/Choice.git", "Code: https://github.com/abstract/one", null);

        // Then HF's wins, normalised
        Assert.Equal("https://github.com/HF/Choice", link);
    }

    [Fact]
    public void Find_AbstractThenComment_BeforeFullText()
    {
        // Given no HF repo, a project page in the abstract, a repo in the comment and another in the full text
        // When the link is chosen
        var link = CodeLinkFinder.Find(null, "Page: https://a.github.io/x", "Code: https://github.com/c/comment", "https://github.com/f/fulltext");

        // Then the abstract and comment are searched together (a repo beats a page) before the full text
        Assert.Equal("https://github.com/c/comment", link);
    }

    [Fact]
    public void Find_OnlyFullText_UsesIt()
    {
        // Given nothing in HF, abstract or comment
        // When the link is chosen
        var link = CodeLinkFinder.Find("  ", "No code.", "12 pages", "Our code: https://github.com/f/fulltext).");

        // Then the full text's first page supplies it
        Assert.Equal("https://github.com/f/fulltext", link);
    }

    [Fact]
    public void Find_Nothing_ReturnsNull()
    {
        // Given no link anywhere
        // When the link is chosen
        // Then there is none
        Assert.Null(CodeLinkFinder.Find(null, "An abstract.", null, null));
    }
}
