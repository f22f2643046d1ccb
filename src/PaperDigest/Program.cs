using PaperDigest;
using PaperDigest.Cli;

// The composition root: the CLI owns the console; Ctrl+C cancels the running command (finished work stays stored).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
Console.OutputEncoding = System.Text.Encoding.UTF8;
return await CliApp.RunAsync(args, CliContext.FromProcess(Composition.Register), cancellation.Token);
