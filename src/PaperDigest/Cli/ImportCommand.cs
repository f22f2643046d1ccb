using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Import;
using Spectre.Console;

namespace PaperDigest.Cli;

/// <summary>`paperdigest import FILE.jsonl[.xz|.gz]`: bulk-loads arXiv metadata into the store (and its search index).</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var fileArgument = new Argument<string>("file") { Description = "arXiv metadata, one JSON object a line: .jsonl, .jsonl.gz or .jsonl.xz (read through `xz -dc`)." };
        var command = new Command("import",
            "Bulk-load arXiv metadata (id, title, summary|abstract, authors, categories, comment|comments) into the store. " +
            "Bad lines are reported with their number and skipped; exit code 3 when some were. A stopped import keeps what it " +
            "committed; running it again finishes it.")
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
        Task<ImportResult> Run(Action<string> writeLine, IProgress<ImportProgress> progress) => importer.ImportAsync(path,
            bad =>
            {
                if (++shown <= 50) writeLine($"{file}:{bad.Number}: skipped: {bad.Error}");
                else if (shown == 51) writeLine("(more bad lines are counted but not shown)");
            },
            progress, cancellationToken);
        var result = context.Interactive ? await RunLiveAsync(context, Run) : await Run(context.Error.WriteLine, new LineProgress(context.Error));

        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Imported {result.Imported:N0} papers from {file} ({result.Lines:N0} lines, {result.Skipped:N0} bad lines skipped) in {result.Elapsed.TotalSeconds:F1} s, {Rate(result.Imported, result.Elapsed):N0} papers/s into {options.Store.Path}."));
        return result.Skipped == 0 ? ExitCodes.Ok : ExitCodes.Partial;
    }

    /// <summary>On a terminal: one live bar over the file's bytes, with lines, papers, papers/s and the time left.</summary>
    private static async Task<ImportResult> RunLiveAsync(CliContext context, Func<Action<string>, IProgress<ImportProgress>, Task<ImportResult>> run)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        ImportResult result = null!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async live =>
            {
                var task = live.AddTask("import", maxValue: 1);
                var gate = new Lock();
                result = await run(
                    line => { lock (gate) console.WriteLine(line, Style.Plain); },
                    new Immediate(p =>
                    {
                        lock (gate)
                        {
                            task.Value = p.Fraction;
                            task.Description = Markup.Escape(Brief(p));
                        }
                    }));
                task.Value = 1;
            });
        return result;
    }

    private static double Rate(long papers, TimeSpan elapsed) => elapsed.TotalSeconds > 0 ? papers / elapsed.TotalSeconds : 0;

    private static string Describe(ImportProgress p)
    {
        if (p.Indexed is { } indexed)
            return string.Create(CultureInfo.InvariantCulture, $"import: indexing for search, {indexed:N0} papers so far, {p.Elapsed.TotalSeconds:F1} s");
        var left = p.Remaining is { } r ? string.Create(CultureInfo.InvariantCulture, $", about {r.TotalSeconds:N0} s left") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"import: {p.Lines:N0} lines read, {p.Imported:N0} papers written, {p.Skipped:N0} skipped, {p.Elapsed.TotalSeconds:F1} s, {p.PapersPerSecond:N0} papers/s{(p.FileBytes > 0 ? $", {p.Fraction:P0} of the file" : "")}{left}");
    }

    /// <summary>The live bar's label, short enough for an 80-column terminal beside the bar.</summary>
    private static string Brief(ImportProgress p) => p.Indexed is { } indexed
        ? string.Create(CultureInfo.InvariantCulture, $"indexing for search: {indexed:N0} papers")
        : string.Create(CultureInfo.InvariantCulture,
            $"{p.Imported:N0} papers, {p.Lines:N0} lines, {p.PapersPerSecond:N0}/s{(p.Remaining is { } r ? $", ETA {r:m\\:ss}" : "")}");

    /// <summary>Plain lines on stderr (CI, pipes): one per batch, one per indexed chunk.</summary>
    private sealed class LineProgress(TextWriter error) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress p) => error.WriteLine(Describe(p));
    }

    /// <summary>Reports at once on the reporting thread (Progress&lt;T&gt; would post to a sync context that a console app lacks).</summary>
    private sealed class Immediate(Action<ImportProgress> action) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => action(value);
    }
}
