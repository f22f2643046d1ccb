using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Configuration;
using PaperDigest.Delivery;

namespace PaperDigest.Cli;

/// <summary>
/// `paperdigest notify [--date D] [--source NAME] [--style S] [--force]`: sends a published day (daily/&lt;date&gt;.json
/// under digest.out) by email and chat webhooks, once per (day, source, style, language, channel).
/// </summary>
internal static class NotifyCommand
{
    public static Command Create(CliContext context)
    {
        var date = new Option<string?>("--date") { Description = "The day, YYYY-MM-DD. Default: the newest day published under the output folder." };
        var source = new Option<string?>("--source") { Description = "A configured source's name (its files are under daily/<source>/). Default: Hugging Face (daily/)." };
        var style = new Option<string?>("--style") { Description = "Send only this style. Default: every style published that day." };
        var force = new Option<bool>("--force") { Description = "Send again what was already sent." };
        var outOption = new Option<string?>("--out") { Description = "Output folder where `daily` wrote the day. Default: ./out" };
        var command = new Command("notify", "Send a published day's digest by email and chat webhooks (notify: in the configuration); each day, source, style, language and channel once.")
        {
            date, source, style, force, outOption,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (options, secrets) = CliApp.LoadConfiguration(parse, context);
            if (parse.GetValue(outOption) is { } o) options.Digest.Out = Path.Combine(context.WorkingDirectory, o);
            var name = parse.GetValue(source);
            if (name is not null && (name.Length == 0 || name.IndexOfAny(['/', '\\', '.']) >= 0))
                throw new UsageException($"--source must be a source's name, e.g. robotics (got '{name}').");
            var day = parse.GetValue(date) is { } text ? ParseDate(text) : Newest(options.Digest.Out, name)
                ?? throw new UsageException($"--date: nothing is published under {Path.GetRelativePath(context.WorkingDirectory, options.Digest.Out)}; run `paperdigest daily` first, or give --out.");
            if (!await ExistingStore.CheckAsync(options.Store.Path, context.Error)) return ExitCodes.Failed;
            await using var services = context.Services(AppCommand.Notify, options, secrets);
            return await SendAsync(services, options, secrets, day, name, parse.GetValue(style), parse.GetValue(force), context, ct);
        });
        return command;
    }

    /// <summary>Sends the day; also what `daily --notify` calls after publishing. Exit 0, 3 when a channel failed, 1 when nothing is published.</summary>
    public static async Task<int> SendAsync(IServiceProvider services, AppOptions options, Secrets secrets, DateOnly day, string? source, string? style, bool force, CliContext context, CancellationToken cancellationToken)
    {
        var notifier = services.GetRequiredService<Notifier>();
        if (!notifier.HasChannels)
        {
            await context.Error.WriteLineAsync("error: no channel configured: set notify.email.host or notify.webhooks in the configuration.");
            return ExitCodes.Usage;
        }
        var files = DigestFileReader.Files(options.Digest.Out, day, source);
        var page = options.Web.BaseUrl.Length == 0 ? null : options.Web.BaseUrl.TrimEnd('/') + $"/daily/{day:yyyy-MM-dd}/";
        var digests = files.SelectMany(f => DigestFileReader.Read(f, source ?? DigestFileReader.DefaultSource, style, page)).ToList();
        if (digests.Count == 0)
        {
            await context.Error.WriteLineAsync($"error: nothing published for {day:yyyy-MM-dd}{(source is null ? "" : $" ({source})")}{(style is null ? "" : $" in style {style}")} under {Path.GetRelativePath(context.WorkingDirectory, options.Digest.Out)}; run `paperdigest daily` first.");
            return ExitCodes.Failed;
        }

        var outcomes = await notifier.SendAsync(digests, force, cancellationToken);
        foreach (var o in outcomes.Where(o => o.Status == DeliveryOutcome.Failed))
            await context.Error.WriteLineAsync($"failed: {o.Channel}, {o.Digest.Date:yyyy-MM-dd} {o.Digest.Style} ({o.Digest.Lang}): {secrets.Redact(o.Problem ?? "unknown error")}");
        var sent = outcomes.Count(o => o.Status == DeliveryOutcome.Sent);
        var skipped = outcomes.Count(o => o.Status == DeliveryOutcome.Skipped);
        var failed = outcomes.Count(o => o.Status == DeliveryOutcome.Failed);
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Notified {day:yyyy-MM-dd}: {sent} sent, {skipped} already sent{(skipped > 0 ? " (--force sends again)" : "")}, {failed} failed; {digests.Count} digests × {outcomes.Count / digests.Count} channels."));
        return failed > 0 ? ExitCodes.Partial : ExitCodes.Ok;
    }

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"--date must be a day as YYYY-MM-DD, e.g. 2026-02-03 (got '{text}').");

    private static DateOnly? Newest(string outDir, string? source)
    {
        var dir = DigestFileReader.Folder(outDir, source);
        if (!Directory.Exists(dir)) return null;
        return Directory.EnumerateFiles(dir, "????-??-??*.json")
            .Select(f => DateOnly.TryParseExact(Path.GetFileName(f)[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .Max();
    }
}
