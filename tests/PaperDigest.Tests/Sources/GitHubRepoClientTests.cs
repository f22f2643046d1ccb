using System.Net;
using Microsoft.Extensions.Logging;
using PaperDigest.Sources;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Sources;

public sealed class GitHubRepoClientTests
{
    private const string Token = "ghp_test-TOKEN-0123456789";

    private static Task<FakeHttpServer> GitHubAsync(HttpStatusCode status, string body) =>
        FakeHttpServer.StartAsync(ctx => FakeArxivFeed.WriteAsync(ctx, status, body, "application/json"));

    [Fact]
    public async Task StarsAsync_WithToken_SendsBearerAndGitHubHeadersReadsStargazers()
    {
        // Given a fake GitHub API that knows the repository
        await using var server = await GitHubAsync(HttpStatusCode.OK, """{"full_name":"owner/repo","stargazers_count":1234,"forks_count":5}""");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = new GitHubRepoClient(http, Token, new ListLogger<GitHubRepoClient>());

        // When a link into the repository is asked about
        var stars = await client.StarsAsync("https://github.com/owner/repo/tree/main", CancellationToken.None);

        // Then one request to /repos/owner/repo, with the token as Bearer
        Assert.Equal(1234, stars);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/repos/owner/repo", request.PathAndQuery);
        Assert.Equal("Bearer " + Token, request.Headers["Authorization"]);
        Assert.Equal("application/vnd.github+json", request.Headers["Accept"]);
        Assert.Equal("PaperDigest/0.1", request.Headers["User-Agent"]);
    }

    [Fact]
    public async Task StarsAsync_NoToken_SendsNoAuthorization()
    {
        // Given a client without a token
        await using var server = await GitHubAsync(HttpStatusCode.OK, """{"stargazers_count":7}""");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = new GitHubRepoClient(http, null, new ListLogger<GitHubRepoClient>());

        // When
        var stars = await client.StarsAsync("https://github.com/owner/repo", CancellationToken.None);

        // Then
        Assert.Equal(7, stars);
        Assert.False(Assert.Single(server.Requests).Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task StarsAsync_UnknownRepo_NullWithoutWarning()
    {
        // Given a fake GitHub API that answers 404
        await using var server = await GitHubAsync(HttpStatusCode.NotFound, """{"message":"Not Found"}""");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var logger = new ListLogger<GitHubRepoClient>();
        var client = new GitHubRepoClient(http, Token, logger);

        // When
        var stars = await client.StarsAsync("https://github.com/owner/gone", CancellationToken.None);

        // Then
        Assert.Null(stars);
        Assert.Single(server.Requests);
        Assert.Empty(logger.Entries);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task StarsAsync_RateLimited_NullOneWarningWithoutTokenAndNoMoreRequests(HttpStatusCode status)
    {
        // Given a fake GitHub API over its rate limit
        await using var server = await GitHubAsync(status, """{"message":"API rate limit exceeded"}""");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var logger = new ListLogger<GitHubRepoClient>();
        var client = new GitHubRepoClient(http, Token, logger);

        // When two repositories are asked about
        var first = await client.StarsAsync("https://github.com/owner/one", CancellationToken.None);
        var second = await client.StarsAsync("https://github.com/owner/two", CancellationToken.None);

        // Then no exception, no stars, one request, one warning that does not carry the token
        Assert.Null(first);
        Assert.Null(second);
        Assert.Single(server.Requests);
        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("rate limit", message);
        Assert.DoesNotContain(Token, message);
    }

    [Theory]
    [InlineData("{\"stargazers_count\":")]
    [InlineData("<html>not json</html>")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"stargazers_count\":\"many\"}")]
    public async Task StarsAsync_MalformedJson_Null(string body)
    {
        // Given a fake GitHub API answering 200 with something that is not a repository
        await using var server = await GitHubAsync(HttpStatusCode.OK, body);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = new GitHubRepoClient(http, Token, new ListLogger<GitHubRepoClient>());

        // When
        var stars = await client.StarsAsync("https://github.com/owner/repo", CancellationToken.None);

        // Then
        Assert.Null(stars);
    }

    [Theory]
    [InlineData("https://huggingface.co/spaces/org/demo")]
    [InlineData("https://owner.github.io/project")]
    [InlineData("https://gitlab.com/owner/repo")]
    [InlineData("https://github.com/features/copilot")]
    public async Task StarsAsync_NotAGitHubRepo_NullWithoutRequest(string url)
    {
        // Given a fake GitHub API
        await using var server = await GitHubAsync(HttpStatusCode.OK, """{"stargazers_count":1}""");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = new GitHubRepoClient(http, Token, new ListLogger<GitHubRepoClient>());

        // When
        var stars = await client.StarsAsync(url, CancellationToken.None);

        // Then
        Assert.Null(stars);
        Assert.Empty(server.Requests);
    }
}
