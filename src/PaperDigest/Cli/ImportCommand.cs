using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Import;

namespace PaperDigest.Cli;

/// <summary>`paperdigest import FILE.jsonl[.xz|.gz]`: bulk-loads arXiv metadata into the store (and its search index).</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var fileArgument = new Argument<string>("file") { Description = "arXiv metadata, one JSON object a line: .jsonl, .jsonl.gz or .jsonl.xz (read through `xz -dc`)." };
        var command = new Command("import",
            "Bulk-load arXiv metadata (id, title, summary|abstract, authors, categories, comment|comments) into the store. " +
            "Bad lines are reported with their number and skipped; exit code 3 when some were.")
        {
            fileArgument,
        };
        command.SetAction((parse, ct) => RunAsync(parse, fileArgument, context, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Argument<string> fileArgument, CliContext context, CancellationToken cancellationToken)
    {
        var (options, secrets) = CliApp.LoadConfiguration(parse, context);
        var file = parse.GetValue(fileArgument)!;
        var path = InputFile.Resolve(file, "import FILE", context.WorkingDirectory)!;

        await using var services = context.Services(AppCommand.Import, options, secrets);
        var importer = services.GetRequiredService<ArxivImporter>();
        var shown = 0;
        var result = await importer.ImportAsync(path,
            bad =>
            {
                if (++shown <= 50) context.Error.WriteLine($"{file}:{bad.Number}: skipped: {bad.Error}");
                else if (shown == 51) context.Error.WriteLine("(more bad lines are counted but not shown)");
            },
            new LineProgress(context.Error),
            cancellationToken);

        var rate = result.Elapsed.TotalSeconds > 0 ? result.Imported / result.Elapsed.TotalSeconds : 0;
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Imported {result.Imported:N0} papers from {file} ({result.Lines:N0} lines, {result.Skipped:N0} bad lines skipped) in {result.Elapsed.TotalSeconds:F1} s, {rate:N0} papers/s into {options.Store.Path}."));
        return result.Skipped == 0 ? ExitCodes.Ok : ExitCodes.Partial;
    }

    /// <summary>A progress line on stderr per batch.</summary>
    private sealed class LineProgress(TextWriter error) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress p) =>
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import: {p.Lines:N0} lines read, {p.Imported:N0} papers written, {p.Skipped:N0} skipped, {p.Elapsed.TotalSeconds:F1} s, {(p.Elapsed.TotalSeconds > 0 ? p.Imported / p.Elapsed.TotalSeconds : 0):N0} papers/s"));
    }
}
