namespace PaperDigest.Sources;

/// <summary>
/// The `github` section. Stars are asked of GitHub only when GITHUB_TOKEN is set (and <see cref="FetchStars"/> is
/// true): without a token GitHub allows 60 requests an hour, too few for a tracker run.
/// </summary>
internal sealed class GitHubOptions
{
    public string ApiUrl { get; set; } = "https://api.github.com";

    /// <summary>Ask GitHub for a repository's stars when Hugging Face gave none (with GITHUB_TOKEN set only).</summary>
    public bool FetchStars { get; set; } = true;

    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(ApiUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return $"github.api_url is not an absolute http(s) URL: '{ApiUrl}'";
    }
}
