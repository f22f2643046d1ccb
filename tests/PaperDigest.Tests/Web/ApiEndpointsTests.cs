using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Cli;
using PaperDigest.Configuration;
using PaperDigest.Papers;
using PaperDigest.Search;
using PaperDigest.Store;
using PaperDigest.Tests.TestSupport;
using PaperDigest.Web;

namespace PaperDigest.Tests.Web;

public sealed class ApiEndpointsTests(ReaderServerFixture server) : IClassFixture<ReaderServerFixture>
{
    private async Task<(HttpStatusCode Status, JsonElement Json, string? Type)> GetJsonAsync(string path)
    {
        using var response = await server.Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetPaper_Known_ReturnsPaperWithSummaries()
    {
        // Given a paper with two summaries
        // When it is requested from the API
        var (status, json, _) = await GetJsonAsync("/api/papers/" + ReaderSeed.ChineseId);

        // Then the paper and both summaries are there, in snake_case
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ReaderSeed.ChineseId, json.GetProperty("id").GetString());
        Assert.Equal(2, json.GetProperty("summaries").GetArrayLength());
        Assert.Equal("94.4%", json.GetProperty("summaries")[0].GetProperty("unsupported_numbers")[0].GetString());
        Assert.Equal("HTML", json.GetProperty("summaries")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task GetPaper_Unknown_Returns404Problem()
    {
        // Given an id that is not stored
        // When it is requested
        var (status, json, type) = await GetJsonAsync("/api/papers/2609.99999");

        // Then the answer is a 404 problem
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(404, json.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=%22")]
    [InlineData("?q=x&page=-1")]
    public async Task Search_MalformedQuery_Returns400Problem(string query)
    {
        // Given the API
        // When the search parameters are missing or malformed
        var (status, _, type) = await GetJsonAsync("/api/search" + query);

        // Then the answer is a 400 problem
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
    }

    [Fact]
    public async Task Search_ChineseQuery_ReturnsRankedResults()
    {
        // Given the seeded store
        // When searching in Chinese through the API
        var (status, json, _) = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("推理效率"));

        // Then the paper with the Chinese summary is found
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, json.GetProperty("total").GetInt32());
        Assert.Equal(ReaderSeed.ChineseId, json.GetProperty("results")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Search_OrdinaryQuery_TotalIsExact()
    {
        // Given the seeded store
        // When an ordinary query is searched through the API
        var (_, json, _) = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("推理效率"));

        // Then its total counts every match
        Assert.False(json.GetProperty("total_is_lower_bound").GetBoolean());
    }

    [Fact]
    public async Task Search_MoreMatchesThanOneSearchRanks_SaysTheTotalIsALowerBound()
    {
        // Given a reader whose search ranks at most one match exactly, over three papers that all match
        using var store = new TempStore();
        await new PaperStore(store.Sqlite, TimeProvider.System).UpsertAsync(Enumerable.Range(1, 3).Select(i =>
            new Paper(new ArxivId($"2601.0000{i}", 1), $"Graphs {i}", "On graphs.", ["A. Author"], new DateOnly(2026, 1, i), ["cs.LG"])).ToList(),
            CancellationToken.None);
        var options = new AppOptions();
        options.Store.Path = store.Path_;
        await using var app = WebApp.Build("http://127.0.0.1:0", services =>
        {
            Composition.Register(services, AppCommand.Serve, options, new Secrets(null, null), TimeProvider.System, TextWriter.Null);
            services.AddSingleton(new SearchOptions { RankCap = 1, CandidateCap = 2, FillCap = 0 });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        // When the word they share is searched
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=graphs")).RootElement;
        await app.StopAsync();

        // Then the answer says its total is a lower bound
        Assert.True(json.GetProperty("total_is_lower_bound").GetBoolean());
        Assert.True(json.GetProperty("results").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task GetDaily_KnownAndUnknown_ReturnsDigestOr404()
    {
        // Given the seeded day
        // When the day and an empty day are requested
        var (status, json, _) = await GetJsonAsync("/api/daily/2026-02-03");
        var (missing, _, _) = await GetJsonAsync("/api/daily/2026-01-01");
        var (malformed, _, _) = await GetJsonAsync("/api/daily/2026-13-99");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, malformed);

        // Then the day is the daily JSON in listing order, the empty day 404
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2026-02-03", json.GetProperty("date").GetString());
        Assert.Equal(3, json.GetProperty("papers").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheJsonApiOnly()
    {
        // Given the reader
        // When the OpenAPI document is requested
        var (status, json, _) = await GetJsonAsync("/openapi/v1.json");

        // Then it lists the API routes, not the HTML pages
        Assert.Equal(HttpStatusCode.OK, status);
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/search", paths);
        Assert.Contains("/api/daily/{date}", paths);
        Assert.Contains(paths, p => p.StartsWith("/api/papers/", StringComparison.Ordinal));
        Assert.DoesNotContain("/trends", paths);
        var parameters = json.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["q", "from", "to", "topic", "code", "page"], parameters);
    }

    [Fact]
    public async Task OpenApi_Document_HasStrictNumbersADailySchemaNoSecurityAndNoTrailingSlash()
    {
        // Given the reader
        // When the OpenAPI document is requested
        var (_, json, _) = await GetJsonAsync("/openapi/v1.json");
        var text = json.GetRawText();

        // Then numbers are numbers only, the day has a schema, no credentials are asked, the server URL ends without '/'
        Assert.DoesNotContain("\"string\",\"integer\"", text.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("-?(?:0|[1-9]\\\\d*)", text, StringComparison.Ordinal);
        var version = json.GetProperty("components").GetProperty("schemas").GetProperty("ApiPaper").GetProperty("properties").GetProperty("version");
        Assert.Contains("integer", version.GetProperty("type").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("string", version.GetProperty("type").ToString(), StringComparison.Ordinal);
        var daily = json.GetProperty("paths").GetProperty("/api/daily/{date}").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.Equal("#/components/schemas/ApiDaily", daily);
        Assert.True(json.GetProperty("components").GetProperty("schemas").GetProperty("ApiDaily").GetProperty("properties").TryGetProperty("source_url", out _));
        Assert.Equal(System.Text.Json.JsonValueKind.Array, json.GetProperty("security").ValueKind);
        Assert.Equal(0, json.GetProperty("security").GetArrayLength());
        Assert.NotEmpty(json.GetProperty("servers").EnumerateArray());
        Assert.All(json.GetProperty("servers").EnumerateArray(), s => Assert.False(s.GetProperty("url").GetString()!.EndsWith('/')));
    }
}
