using Spectre.Console;
using PaperDigest.Summaries;

namespace PaperDigest.Cli;

/// <summary>
/// Shows a batch's progress: a live bar (done / failed / tokens) on a terminal, plain lines otherwise (CI, pipes).
/// Progress goes to stderr, so stdout stays clean for the closing line and for `paper`'s Markdown.
/// </summary>
internal sealed class ConsoleProgress(CliContext context)
{
    public async Task<T> RunAsync<T>(string label, int total, Func<IProgress<BatchProgress>, Task<T>> work)
    {
        if (!context.Interactive || total == 0)
        {
            var plain = new PlainLines(context.Error, label);
            return await work(plain);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: total);
                result = await work(new Immediate(p =>
                {
                    task.Value = p.Done;
                    task.Description = Markup.Escape($"{label} {p.Done}/{p.Total}, {p.Failed} failed, {p.Tokens:N0} tokens");
                }));
            });
        return result;
    }

    /// <summary>Reports at once on the reporting thread (Progress&lt;T&gt; would post to a sync context that a console app lacks).</summary>
    private sealed class Immediate(Action<BatchProgress> action) : IProgress<BatchProgress>
    {
        private readonly Lock _gate = new();

        public void Report(BatchProgress value)
        {
            lock (_gate) action(value);
        }
    }

    private sealed class PlainLines(TextWriter writer, string label) : IProgress<BatchProgress>
    {
        private readonly Lock _gate = new();

        public void Report(BatchProgress p)
        {
            var state = p.LastFailed ? "failed" : p.LastCached ? "cached" : "ok";
            var title = p.LastTitle.Length > 80 ? p.LastTitle[..79] + "…" : p.LastTitle;
            lock (_gate)
                writer.WriteLine($"{label} [{p.Done}/{p.Total}] {state,-6} {p.LastStyle,-8} {title}{(p.LastFailed && p.LastError is { } e ? " — " + e : "")}");
        }
    }
}
