using Microsoft.Extensions.Logging;
using PaperDigest.Papers;
using PaperDigest.Sources;
using PaperDigest.Store;

namespace PaperDigest.Tracker;

/// <summary>
/// Finds code links for tracked papers: Hugging Face's githubRepo first, then links in the abstract and comment
/// (<see cref="CodeLinkFinder"/>). A paper without code is looked at again only after <c>recheck</c> has passed.
/// Stars: Hugging Face's count, else GitHub's when <paramref name="gitHub"/> is given (GITHUB_TOKEN set); asked once,
/// when the link is found.
/// </summary>
internal sealed partial class CodeLinkChecker(HuggingFacePaperClient huggingFace, PaperStore papers, TimeProvider time, ILogger<CodeLinkChecker> logger,
    GitHubRepoClient? gitHub = null)
{
    /// <summary>Checks the paper if due; returns true when a link was found in this call.</summary>
    public async Task<bool> CheckAsync(Paper paper, TimeSpan recheck, CancellationToken cancellationToken)
    {
        if (paper.CodeUrl is not null) return false;
        if (await papers.CodeCheckedAtAsync(paper.Id.Id, cancellationToken) is { } checkedAt && time.GetUtcNow() - checkedAt < recheck) return false;

        HuggingFacePaperInfo? info;
        try
        {
            info = await huggingFace.FindAsync(paper.Id, cancellationToken); // null: HF does not know the paper (404)
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException)
        {
            LogHuggingFaceFailed(logger, paper.Id.Id, ex.Message);
            var inText = CodeLinkFinder.Find(null, paper.Abstract, paper.Comment);
            if (inText is not null) await papers.SetCodeAsync(paper.Id.Id, inText, await StarsAsync(inText, null, cancellationToken), cancellationToken);
            return inText is not null; // not marked as checked without a link: HF is asked again next run
        }

        var url = CodeLinkFinder.Find(info?.GithubRepo, paper.Abstract, paper.Comment);
        await papers.SetCodeAsync(paper.Id.Id, url, url is not null ? await StarsAsync(url, info?.GithubStars, cancellationToken) : null, cancellationToken);
        return url is not null;
    }

    /// <summary>Hugging Face's count when it gave one; else GitHub's, for a GitHub repository, when GitHub may be asked.</summary>
    private async Task<int?> StarsAsync(string url, int? huggingFaceStars, CancellationToken cancellationToken) =>
        huggingFaceStars ?? (gitHub is null ? null : await gitHub.StarsAsync(url, cancellationToken));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hugging Face could not be asked about {Id} ({Reason}); looking in its abstract only")]
    private static partial void LogHuggingFaceFailed(ILogger logger, string id, string reason);
}
