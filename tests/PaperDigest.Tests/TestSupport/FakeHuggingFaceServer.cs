using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace PaperDigest.Tests.TestSupport;

/// <summary>A fake Hugging Face on 127.0.0.1 serving api/daily_papers?date=D from bodies a test sets (real fixtures, or broken ones).</summary>
public sealed class FakeHuggingFaceServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _days = new();

    private FakeHuggingFaceServer() { }

    public FakeHttpServer Http { get; private set; } = null!;

    public Uri BaseUrl => Http.BaseAddress;

    /// <summary>The answer for dates not set: an empty day (as HF answers for weekends).</summary>
    public (int Status, string Body) Default { get; set; } = (200, "[]");

    public void SetDay(string date, string body, int status = 200) => _days[date] = (status, body);

    public void SetDayFromFixture(string date, string fixture) => SetDay(date, Fixtures.Read(fixture));

    public static async Task<FakeHuggingFaceServer> StartAsync()
    {
        var server = new FakeHuggingFaceServer();
        server.Http = await FakeHttpServer.StartAsync(async ctx =>
        {
            if (ctx.Request.Path != "/api/daily_papers")
            {
                ctx.Response.StatusCode = 404;
                await ctx.Response.WriteAsync("{\"error\":\"not found\"}");
                return;
            }
            var date = ctx.Request.Query["date"].ToString();
            var (status, body) = server._days.TryGetValue(date, out var set) ? set : server.Default;
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(body);
        });
        return server;
    }

    public ValueTask DisposeAsync() => Http.DisposeAsync();
}
