using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Papers;
using PaperDigest.Publishing;
using PaperDigest.Sources;
using PaperDigest.Store;
using PaperDigest.Summaries;

namespace PaperDigest.Cli;

/// <summary>`paperdigest paper &lt;arxiv-id&gt;`: one paper on demand, featured on Hugging Face or not; Markdown on stdout.</summary>
internal static class PaperCommand
{
    public static Command Create(CliContext context)
    {
        var flags = new Flags();
        var command = new Command("paper", "Summarize one paper on demand and print the Markdown to stdout.") { flags.IdArgument, flags.StyleOption, flags.LangOption };
        command.SetAction((parse, ct) => RunAsync(parse, flags, context, ct));
        return command;
    }

    /// <summary>This command's argument and flags, made afresh for each command line.</summary>
    private sealed class Flags
    {
        public Argument<string> IdArgument { get; } = new("arxiv-id") { Description = "The arXiv id, e.g. 2602.02276 or 2602.02276v2 (an arxiv.org URL works too)." };
        public Option<string?> StyleOption { get; } = new("--style") { Description = "brief, keywords or report (default: report, written from the full text)." };
        public Option<string?> LangOption { get; } = new("--lang") { Description = "Language of the summary: zh (default) or en." };
    }

    private static async Task<int> RunAsync(ParseResult parse, Flags flags, CliContext context, CancellationToken cancellationToken)
    {
        var (options, secrets) = CliApp.LoadConfiguration(parse, context);
        var text = parse.GetValue(flags.IdArgument)!;
        if (!ArxivId.TryParse(text, out var id)) throw new UsageException($"arxiv-id: '{text}' is not an arXiv id (e.g. 2602.02276 or 2602.02276v2).");
        var styleName = parse.GetValue(flags.StyleOption) ?? "report";
        var style = SummaryStyles.Find(styleName) ?? throw new UsageException($"--style: unknown style '{styleName}' (known: {SummaryStyles.Names}).");
        var lang = parse.GetValue(flags.LangOption) ?? options.Digest.Lang;
        if (lang is not ("zh" or "en")) throw new UsageException($"--lang must be zh or en (got '{lang}').");

        await using var services = context.Services(AppCommand.Paper, options, secrets);
        var papers = services.GetRequiredService<PaperStore>();
        var paper = await papers.FindAsync(id.Id, cancellationToken);
        if (paper is null || paper.Abstract.Length == 0 || (id.Version is { } v && paper.Id.Version != v))
        {
            IReadOnlyList<ArxivEntry> found;
            try
            {
                found = await services.GetRequiredService<ArxivApiClient>().GetByIdsAsync([id], cancellationToken);
            }
            catch (Exception ex) when (ex is ArxivQueryException or ArxivFeedFormatException or HttpRequestException)
            {
                throw new SourceException($"arXiv could not be asked for {id}: {ex.Message}", ex);
            }
            // arXiv may list other papers (or none) for an id it does not know: only the entry with the id asked for is it.
            var listed = found.FirstOrDefault(e => e.Id.Id == id.Id && (id.Version is null || e.Id.Version == id.Version))
                ?? found.FirstOrDefault(e => e.Id.Id == id.Id)
                ?? throw new SourceException($"arXiv has no paper {id}.");
            var fetched = listed.ToPaper();
            await papers.UpsertAsync([fetched], cancellationToken);
            paper = fetched with { Id = id.Version is null ? listed.Id : id };
        }

        var writer = services.GetRequiredService<ISummaryWriter>();
        if (writer.IsOffline)
            await context.Error.WriteLineAsync("note: no LLM configured (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server); writing an offline extract quoted from the abstract.");
        var texts = services.GetRequiredService<PaperTextSource>();
        var result = await services.GetRequiredService<SummaryService>().GetOrWriteAsync(paper, style, lang,
            ct => texts.ReadForAsync(paper, style, ct), cancellationToken);

        var entry = new DigestEntry(paper, new Dictionary<string, StoredSummary> { [style.Name] = result.Summary });
        var markdown = style.Name == "report"
            ? ReportMarkdownRenderer.RenderPaper(entry, lang) + "\n"
            : DigestMarkdownRenderer.Render(new Digest(DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime), lang, [style.Name], [entry]), style).TrimStart('\n');
        await context.Out.WriteAsync(markdown);
        if (result.Summary.Unsupported.Count > 0)
            await context.Error.WriteLineAsync($"unsupported numbers (not found in the paper): {string.Join(", ", result.Summary.Unsupported)}");
        if (!result.Summary.IsOk)
        {
            await context.Error.WriteLineAsync($"failed: {paper.Id} ({style.Name}): {secrets.Redact(result.Summary.Error ?? "unknown error")}");
            return ExitCodes.Failed;
        }
        return ExitCodes.Ok;
    }
}
