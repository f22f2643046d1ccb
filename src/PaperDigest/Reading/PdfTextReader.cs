using System.ComponentModel;
using System.Diagnostics;

namespace PaperDigest.Reading;

/// <summary>
/// Extracts a PDF's text with poppler's <c>pdftotext -layout -enc UTF-8 &lt;file&gt; -</c> (an optional program: when it is
/// missing the result says "pdftotext not installed"). The bytes go to a temporary file that is deleted afterwards; the run
/// has a timeout and is killed on cancellation.
/// </summary>
internal sealed class PdfTextReader(ReadingOptions options)
{
    public const string NotInstalled = "pdftotext not installed";

    public async Task<ReadResult<string>> ReadAsync(ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
    {
        if (pdf.Length < 5 || !pdf.Span[..5].SequenceEqual("%PDF-"u8)) return ReadResult<string>.NotAvailable("not a PDF");
        var file = Path.Combine(Path.GetTempPath(), $"paperdigest-{Guid.NewGuid():N}.pdf");
        try
        {
            await File.WriteAllBytesAsync(file, pdf.ToArray(), cancellationToken).ConfigureAwait(false);
            return await RunAsync(file, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<ReadResult<string>> RunAsync(string file, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.PdftotextPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            ArgumentList = { "-layout", "-enc", "UTF-8", file, "-" },
        };
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            return ReadResult<string>.NotAvailable(NotInstalled);
        }
        if (process is null) return ReadResult<string>.NotAvailable(NotInstalled);
        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.PdfTimeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                var text = await output.ConfigureAwait(false);
                var error = await errors.ConfigureAwait(false);
                if (process.ExitCode != 0)
                {
                    var firstLine = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
                    return ReadResult<string>.NotAvailable($"pdftotext failed (exit {process.ExitCode}): {firstLine}".TrimEnd(' ', ':'));
                }
                text = text.Replace("\f", "\n", StringComparison.Ordinal).Trim();
                return text.Length == 0 ? ReadResult<string>.NotAvailable("pdftotext found no text (scanned PDF?)") : ReadResult<string>.Ok(text);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                await Task.WhenAll(Swallow(output), Swallow(errors)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return ReadResult<string>.NotAvailable($"pdftotext timed out after {options.PdfTimeout.TotalSeconds:0.#} s");
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }
    }

    private static async Task Swallow(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
    }
}
