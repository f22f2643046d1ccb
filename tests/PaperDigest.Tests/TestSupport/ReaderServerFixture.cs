using PaperDigest.Cli;
using PaperDigest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Configuration;
using PaperDigest.Web;

namespace PaperDigest.Tests.TestSupport;

/// <summary>The real reader on 127.0.0.1 (random port) over a temp SQLite file seeded with <see cref="ReaderSeed"/>.</summary>
public class ReaderServerFixture : IAsyncLifetime
{
    private readonly TempStore _store = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    internal TempStore Store => _store;
    internal IServiceProvider Services => _app!.Services;

    /// <summary>What the store holds before the reader starts.</summary>
    private protected virtual Task SeedAsync(TempStore store) => ReaderSeed.SeedAsync(store);

    /// <summary>The configuration the reader starts with (defaults, the temp store).</summary>
    private protected virtual void Configure(AppOptions options) { }

    public async Task InitializeAsync()
    {
        await SeedAsync(_store);
        var options = new AppOptions();
        options.Store.Path = _store.Path_;
        Configure(options);
        (_app, BaseAddress) = await StartAsync(options);
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Starts the real reader (as `serve` composes it) on a free port of 127.0.0.1 with these options; the caller stops it.</summary>
    internal static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(AppOptions options)
    {
        var app = WebApp.Build("http://127.0.0.1:0", services => Composition.Register(services, AppCommand.Serve, options, new Secrets(null, null), TimeProvider.System, TextWriter.Null));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>GET <paramref name="path"/>: its status, body and media type.</summary>
    public async Task<(System.Net.HttpStatusCode Status, string Body, string? Type)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _store.Dispose();
    }
}
