using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PaperDigest.Sources;

/// <summary>
/// GitHub's repository API: GET {api}/repos/&lt;owner&gt;/&lt;name&gt; for its <c>stargazers_count</c>. Stars are a nicety,
/// so every failure is <c>null</c>: an unknown repository (404), a bad answer, or the rate limit (403/429), after which
/// GitHub is not asked again by this client and one warning says so. The token is sent only as a header, never logged.
/// </summary>
internal sealed partial class GitHubRepoClient(HttpClient http, string? token, ILogger<GitHubRepoClient> logger)
{
    private int _rateLimited;

    /// <summary>The repository's stars, or null when <paramref name="repoUrl"/> is not a GitHub repository or GitHub does not say.</summary>
    public async Task<int?> StarsAsync(string repoUrl, CancellationToken cancellationToken)
    {
        if (CodeLinkFinder.NormalizeGithubRepo(repoUrl) is not { } normalized) return null; // always https://github.com/<owner>/<name>
        if (Volatile.Read(ref _rateLimited) != 0) return null;

        var parts = normalized["https://github.com/".Length..].Split('/');
        using var request = new HttpRequestMessage(HttpMethod.Get, $"repos/{Uri.EscapeDataString(parts[0])}/{Uri.EscapeDataString(parts[1])}");
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.UserAgent.ParseAdd("PaperDigest/0.1");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests)
            {
                if (Interlocked.Exchange(ref _rateLimited, 1) == 0) LogRateLimited(logger, (int)response.StatusCode, normalized);
                return null;
            }
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, normalized, $"HTTP {(int)response.StatusCode}");
                return null;
            }
            var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return ParseStars(json);
        }
        catch (HttpRequestException ex) // the "github" remote's words: could not connect, did not answer in time
        {
            LogFailed(logger, normalized, ex.Message);
            return null;
        }
    }

    /// <summary><c>stargazers_count</c> of a repository object; null when the JSON is malformed or has none.</summary>
    internal static int? ParseStars(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("stargazers_count", out var count)
                && count.ValueKind == JsonValueKind.Number
                && count.TryGetInt32(out var stars) && stars >= 0 ? stars : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub answered {Status} for {Repo} (rate limit?); no more stars are asked of GitHub this run")]
    private static partial void LogRateLimited(ILogger logger, int status, string repo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub could not be asked about {Repo} ({Reason}); its stars stay unknown")]
    private static partial void LogFailed(ILogger logger, string repo, string reason);
}
