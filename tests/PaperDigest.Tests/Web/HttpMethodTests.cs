using System.Net;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Web;

/// <summary>Uptime checkers send HEAD; anything but GET and HEAD is 405 on a read-only reader, never a 404.</summary>
public sealed class HttpMethodTests(ReaderServerFixture server) : IClassFixture<ReaderServerFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/daily")]
    [InlineData("/trends")]
    [InlineData("/feeds/daily.atom")]
    [InlineData("/api/search?q=model")]
    [InlineData("/openapi/v1.json")]
    public async Task Head_GetRoute_AnswersLikeGetWithoutBody(string path)
    {
        // When
        using var get = await server.Client.GetAsync(path);
        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        // Then
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_UnknownPage_Answers404()
    {
        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/nothing/here"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("PUT", "/api/papers/2401.00001")]
    [InlineData("DELETE", "/daily")]
    [InlineData("PATCH", "/nothing/here")]
    public async Task OtherMethod_AnyRoute_Answers405WithAllow(string method, string path)
    {
        // When
        using var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("x") });

        // Then
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Select(a => a.Trim()));
    }
}
