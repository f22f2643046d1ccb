using PaperDigest.Papers;
using System.Text.RegularExpressions;

namespace PaperDigest.Sources;

/// <summary>
/// Picks a paper's code link. In order: Hugging Face's githubRepo; then, in the abstract and comment,
/// a github.com repository, a *.github.io page, a huggingface.co space/model/dataset; then the same
/// in the first page of the full text. Pure; returns null when nothing qualifies.
/// </summary>
internal static partial class CodeLinkFinder
{
    private static readonly HashSet<string> GithubReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "apps", "collections", "contact", "customer-stories", "enterprise", "explore", "features", "issues",
        "join", "login", "marketplace", "notifications", "orgs", "pricing", "pulls", "readme", "search", "security",
        "settings", "site", "sponsors", "topics", "trending", "users",
    };

    private static readonly HashSet<string> HuggingFaceReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "api", "blog", "chat", "collections", "datasets", "docs", "join", "learn", "login", "models", "organizations",
        "papers", "posts", "pricing", "settings", "spaces", "tasks",
    };

    [GeneratedRegex(@"(?<![\w@.-])(?:https?://)?(?:www\.)?github\.com/(?<owner>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)/(?<repo>[\w.-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GithubRepo();

    [GeneratedRegex(@"(?<![\w@./-])(?:https?://)?(?<host>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.github\.io)(?<path>/[^\s<>""'(){}\[\]|\\]*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GithubPages();

    [GeneratedRegex(@"(?<![\w@.-])(?:https?://)?(?:www\.)?huggingface\.co/(?:(?<kind>spaces|datasets|models)/)?(?<owner>[\w-]+)/(?<name>[\w.-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HuggingFaceRepo();

    public static string? Find(string? huggingFaceGithubRepo, string? abstractText, string? comment, string? fullTextFirstPage = null)
    {
        if (!string.IsNullOrWhiteSpace(huggingFaceGithubRepo))
        {
            var hf = huggingFaceGithubRepo.Trim();
            return NormalizeGithubRepo(hf) ?? WebLink.Safe(hf) ?? FindIn(abstractText + "\n" + comment) ?? FindIn(fullTextFirstPage);
        }
        return FindIn(abstractText + "\n" + comment) ?? FindIn(fullTextFirstPage);
    }

    /// <summary>The best link in one text: a GitHub repository, else a GitHub Pages site, else a Hugging Face repository.</summary>
    public static string? FindIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return GithubRepos(text).FirstOrDefault() ?? GithubPagesSites(text).FirstOrDefault() ?? HuggingFaceRepos(text).FirstOrDefault();
    }

    /// <summary>https://github.com/owner/name for any link into a repository; null when the text is not one.</summary>
    public static string? NormalizeGithubRepo(string text)
    {
        var m = GithubRepo().Match(text.Trim());
        return m.Success && m.Index == 0 ? GithubRepoUrl(m) : null;
    }

    private static IEnumerable<string> GithubRepos(string text) =>
        GithubRepo().Matches(text).Select(GithubRepoUrl).OfType<string>();

    private static string? GithubRepoUrl(Match m)
    {
        var owner = m.Groups["owner"].Value;
        var repo = TrimRepoName(m.Groups["repo"].Value);
        if (repo.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) repo = TrimRepoName(repo[..^4]);
        if (repo.Length == 0 || repo is "." or ".." || GithubReserved.Contains(owner)) return null;
        return $"https://github.com/{owner}/{repo}";
    }

    private static IEnumerable<string> GithubPagesSites(string text) =>
        GithubPages().Matches(text).Select(m =>
        {
            var path = m.Groups["path"].Value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"');
            return $"https://{m.Groups["host"].Value.ToLowerInvariant()}{(path == "/" ? "" : path)}";
        });

    private static IEnumerable<string> HuggingFaceRepos(string text) =>
        HuggingFaceRepo().Matches(text).Select(m =>
        {
            var kind = m.Groups["kind"].Value.ToLowerInvariant();
            var owner = m.Groups["owner"].Value;
            var name = TrimRepoName(m.Groups["name"].Value);
            if (name.Length == 0 || (kind.Length == 0 && HuggingFaceReserved.Contains(owner))) return null;
            return kind is "" or "models" ? $"https://huggingface.co/{owner}/{name}" : $"https://huggingface.co/{kind}/{owner}/{name}";
        }).OfType<string>();

    private static string TrimRepoName(string name) => name.TrimEnd('.', '-');
}
