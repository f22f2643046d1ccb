using System.Runtime.InteropServices;
using PaperDigest;
using PaperDigest.Cli;

// The composition root: the CLI owns the console. Ctrl+C (SIGINT) and SIGTERM (docker stop, systemd, CI cancel) cancel the
// running command; context.Cancel keeps the runtime from ending the process, so the command unwinds, says what is
// stored and exits 130. A second signal while unwinding is taken the same way (the first one is already on its way).
using var cancellation = new CancellationTokenSource();
void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    // Off the signal thread: a token callback that throws must not take the handler (and the process) with it.
    _ = Task.Run(cancellation.Cancel);
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
Console.OutputEncoding = System.Text.Encoding.UTF8;
var code = await CliApp.RunAsync(args, CliContext.FromProcess(Composition.Register), cancellation.Token);
await Console.Out.FlushAsync();
await Console.Error.FlushAsync();
return code;
