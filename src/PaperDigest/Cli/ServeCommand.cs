using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Store;
using PaperDigest.Web;

namespace PaperDigest.Cli;

/// <summary>`paperdigest serve [--urls URL]`: the read-only web reader on Kestrel (loopback by default).</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urlsOption = new Option<string?>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:8080 (several separated by ';'). Default: web.urls, http://127.0.0.1:5080. Use http://0.0.0.0:PORT to listen beyond this machine." };
        var command = new Command("serve", "The web reader: daily digests, papers, topics, search, trends, Atom feeds and a JSON API (/openapi/v1.json). Read-only; Ctrl+C stops it.")
        {
            urlsOption,
        };
        command.SetAction((parse, ct) => RunAsync(parse, urlsOption, context, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<string?> urlsOption, CliContext context, CancellationToken cancellationToken)
    {
        var (options, secrets) = CliApp.LoadConfiguration(parse, context);
        if (parse.GetValue(urlsOption) is { } urls)
        {
            options.Web.Urls = urls;
            if (options.Web.Validate().FirstOrDefault() is { } problem) throw new UsageException("--urls: " + problem);
        }
        if (!await ExistingStore.CheckAsync(options.Store.Path, context.Error)) return ExitCodes.Failed;
        await using var app = WebApp.Build(options.Web.Urls, services => context.Setup(services, AppCommand.Serve, options, secrets, context.Time, context.Error));
        // Opened now, not on the first request: a file that is not a store, or of a newer schema, is refused at start (exit 1).
        app.Services.GetRequiredService<SqliteStore>();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Net.Sockets.SocketException && !cancellationToken.IsCancellationRequested)
        {
            // Kestrel: "Failed to bind to address …" (an address this machine lacks, a port in use, no permission).
            var reason = ex.InnerException is System.Net.Sockets.SocketException socket ? socket.Message : ex.Message;
            await context.Error.WriteLineAsync($"error: cannot listen on {options.Web.Urls}: {reason}. Check --urls (or web.urls): an address of this machine and a free port, e.g. http://127.0.0.1:5080.");
            return ExitCodes.Failed;
        }
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        await context.Error.WriteLineAsync($"PaperDigest reader on {string.Join(", ", addresses)} (database {options.Store.Path}); Ctrl+C stops it.");
        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException) { }
        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }
}
