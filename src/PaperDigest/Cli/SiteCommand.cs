using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Web;

namespace PaperDigest.Cli;

/// <summary>`paperdigest site [--out DIR] [--base-url URL]`: the reader's pages as a static site (GitHub Pages).</summary>
internal static class SiteCommand
{
    public static Command Create(CliContext context)
    {
        var outOption = new Option<string?>("--out") { Description = "Folder of the site. Default: <digest out>/site, i.e. ./out/site" };
        var baseUrlOption = new Option<string?>("--base-url") { Description = "Public address of the site, e.g. https://user.github.io/digest/ (absolute links in the feeds). Default: web.base_url; empty: relative links." };
        var command = new Command("site", "Write the web reader as a static site: index.html, daily/<date>/, papers/<id>/, topics/<name>/, trends/, feeds/*.atom (relative links, no server needed; search needs `serve`).")
        {
            outOption, baseUrlOption,
        };
        command.SetAction((parse, ct) => RunAsync(parse, outOption, baseUrlOption, context, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<string?> outOption, Option<string?> baseUrlOption, CliContext context, CancellationToken cancellationToken)
    {
        var (options, secrets) = CliApp.LoadConfiguration(parse, context);
        var outDir = parse.GetValue(outOption) is { } o ? Path.Combine(context.WorkingDirectory, o) : Path.Combine(options.Digest.Out, "site");
        if (parse.GetValue(baseUrlOption) is { } baseUrl)
        {
            options.Web.BaseUrl = baseUrl;
            if (options.Web.Validate().FirstOrDefault() is { } problem) throw new UsageException("--base-url: " + problem);
        }
        var site = options.Web.BaseUrl.Length == 0 || options.Web.BaseUrl.EndsWith('/') ? options.Web.BaseUrl : options.Web.BaseUrl + "/";

        if (!await ExistingStore.CheckAsync(options.Store.Path, context.Error)) return ExitCodes.Failed;
        await using var services = context.Services(AppCommand.Site, options, secrets);
        var files = await services.GetRequiredService<StaticSiteWriter>().WriteAsync(outDir, site, cancellationToken);
        await context.Out.WriteLineAsync($"Wrote the static site ({files} files) to {Path.GetRelativePath(context.WorkingDirectory, outDir)}");
        return ExitCodes.Ok;
    }
}
