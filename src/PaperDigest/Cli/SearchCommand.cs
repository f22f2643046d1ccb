using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Search;

namespace PaperDigest.Cli;

/// <summary>`paperdigest search &lt;query&gt; [--limit N]`: ranked full-text search over everything stored.</summary>
internal static class SearchCommand
{
    public static Command Create(CliContext context)
    {
        var queryArgument = new Argument<string[]>("query") { Description = "Words to look for (English or Chinese); all must occur. FTS operators are plain text here.", Arity = ArgumentArity.OneOrMore };
        var limitOption = WholeNumberOption.Create("--limit", "At most N results (default 20, at most 500).");
        var command = new Command("search", "Full-text search over titles, authors, abstracts and summaries, best match first (title matches weigh most).")
        {
            queryArgument, limitOption,
        };
        command.SetAction((parse, ct) => RunAsync(parse, queryArgument, limitOption, context, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Argument<string[]> queryArgument, Option<int?> limitOption, CliContext context, CancellationToken cancellationToken)
    {
        var (options, secrets) = CliApp.LoadConfiguration(parse, context);
        var text = string.Join(' ', parse.GetValue(queryArgument) ?? []);
        var limit = parse.GetValue(limitOption) ?? 20;
        if (limit is < 1 or > 500) throw new UsageException($"--limit must be between 1 and 500 (got {limit}).");
        if (!SearchTerms.TryParse(text, out var terms, out var error)) throw new UsageException($"search: {error}");
        if (terms.IsEmpty) throw new UsageException("search: the query has no words to look for (punctuation and operators are ignored).");

        await using var services = context.Services(AppCommand.Search, options, secrets);
        var page = await services.GetRequiredService<SearchStore>().SearchAsync(new SearchQuery(text, PageSize: limit), terms, cancellationToken);
        foreach (var hit in page.Hits)
        {
            var date = hit.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "----------";
            await context.Out.WriteLineAsync($"{hit.Id,-12} {date}  {hit.Title}");
            await context.Out.WriteLineAsync($"    {hit.Snippet}");
        }
        await context.Error.WriteLineAsync(page.Total == 0 ? $"No papers match '{text}'." // the CLI has no filters, so a bounded search always has results
            : page.Bounded ? $"{page.Hits.Count} of at least {page.Total} matching papers shown (so many match that only the best {page.Total} are ranked; add words to narrow the search)."
            : $"{page.Hits.Count} of {page.Total} matching papers shown.");
        return ExitCodes.Ok;
    }
}
