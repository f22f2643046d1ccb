using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperDigest.Store;

namespace PaperDigest.Web;

/// <summary>Builds the reader: Kestrel on the given URLs, the HTML routes, the JSON API and its OpenAPI document. Read-only.</summary>
internal static class WebApp
{
    /// <param name="setup">Registers the reader's services (the composition root's part).</param>
    public static WebApplication Build(string urls, Action<IServiceCollection> setup)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        builder.WebHost.UseUrls(urls);
        // A long query (a pasted paragraph, a 10 KB probe) reaches the app and gets a readable 400, not Kestrel's bare 414.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestLineSize = 64 * 1024);
        setup(builder.Services);
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // pages hold no secrets, so BREACH-style attacks have nothing to read
            o.MimeTypes = ["text/html", "text/plain", "application/json", "application/atom+xml", "application/problem+json"];
        });
        // Rendered answers (pages, search results, feeds, the API) are kept, keyed by URL, Host and the store's version:
        // a commit by anyone (a `daily` run in another process) changes the version, so the next request renders afresh.
        // There are as many paper pages as papers: keeping each one read made the cache churn (random paper pages at half
        // the rate), so a paper's page is kept from its second request on (SecondRequestFilter).
        builder.Services.AddOutputCache(o =>
        {
            o.SizeLimit = 64 * 1024 * 1024;
            o.MaximumBodySize = 4 * 1024 * 1024;
            o.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(10);
            o.UseCaseSensitivePaths = true; // a path in other letters may be another answer (an old-style id, a 404)
            o.AddBasePolicy(b => b.With(Keeps).VaryByValue(context =>
                new("store", context.RequestServices.GetRequiredService<StoreVersionReader>().Current().ToString(CultureInfo.InvariantCulture))));
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer(ApiDocument.Transform));
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // The web defaults read numbers from strings, which the OpenAPI document then types "integer|string".
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        var app = builder.Build();
        app.UseResponseCompression();
        app.Use(OnlyReads);
        app.UseRouting(); // after OnlyReads, so a HEAD is routed as the GET it mirrors
        app.Use(Guard);
        app.UseOutputCache(); // after Guard: its security headers go on cached answers too
        app.MapOpenApi();
        app.MapReader();
        app.MapApi();
        // "{**path}": file-like paths too (/favicon.ico, /x.php), which the default fallback pattern skips.
        app.MapFallback("{**path}", (HttpContext context) => context.Request.Path.StartsWithSegments("/api")
            ? Results.Problem($"No API route {context.Request.Path}.", statusCode: 404, title: "Not found")
            : ReaderEndpoints.Result(ReaderPageService.NotFound($"Nothing at {context.Request.Path}.", WebLinks.Server)));
        return app;
    }

    private static bool Keeps(OutputCacheContext context)
    {
        var request = context.HttpContext.Request;
        return !(request.Path.StartsWithSegments("/papers") || request.Path.StartsWithSegments("/api/papers"))
               || context.HttpContext.RequestServices.GetRequiredService<SecondRequestFilter>().SeenBefore(request.Path.Value ?? "");
    }

    /// <summary>
    /// The reader is read-only: every GET route answers HEAD too (Kestrel sends the headers, not the body: uptime checkers),
    /// and any other method is 405 with an Allow header, not a 404 that says the page is missing.
    /// </summary>
    private static Task OnlyReads(HttpContext context, Func<Task> next)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method)) return next();
        if (HttpMethods.IsHead(method))
        {
            context.Request.Method = HttpMethods.Get; // Kestrel still knows the request was HEAD and drops the body
            return next();
        }
        context.Response.StatusCode = 405;
        context.Response.Headers.Allow = "GET, HEAD";
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(HtmlLayout.Error(405, "Method not allowed", $"The reader only reads: {method} is not answered here; use GET.", WebLinks.Server));
    }

    /// <summary>Security headers on every answer; a request the framework cannot read is a 400 page, a bug a 500 page without details.</summary>
    private static async Task Guard(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = HtmlLayout.ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        try
        {
            await next();
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, 400, "Bad request", ex.Message);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("PaperDigest.Web").LogError(ex, "Request {Path} failed", context.Request.Path);
            await WriteAsync(context, 500, "Something went wrong", "The reader could not answer this request; the error is logged.");
        }
    }

    private static Task WriteAsync(HttpContext context, int status, string heading, string message)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(HtmlLayout.Error(status, heading, message, WebLinks.Server));
    }
}
