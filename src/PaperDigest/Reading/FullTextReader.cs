using System.Net.Http.Headers;
using PaperDigest.Http;
using PaperDigest.Papers;

namespace PaperDigest.Reading;

/// <summary>
/// Gets the text an LLM reads for one paper: arXiv's HTML (<c>html/&lt;id&gt;v&lt;N&gt;</c>), else the PDF through pdftotext
/// (<c>pdf/&lt;id&gt;v&lt;N&gt;</c>), else the abstract. Each skipped source leaves its reason in <see cref="FullText.Attempts"/>
/// ("HTML: 404", "PDF: pdftotext not installed"); network errors and timeouts move on to the next source, cancellation does not.
/// The text is fitted to <see cref="ReadingOptions.TokenBudget"/> with <see cref="ContextBudget"/> (0 keeps it whole).
/// </summary>
/// <param name="http">The "arxiv-pages" remote's client: BaseAddress ARXIV_BASE_URL (e.g. https://arxiv.org/), paced, with a timeout that covers the body.</param>
internal sealed class FullTextReader(HttpClient http, ReadingOptions options)
{
    private readonly PdfTextReader _pdf = new(options);

    public async Task<FullText> ReadAsync(ArxivId id, string abstractText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var attempts = new List<string>();
        var html = await TryHtmlAsync(id, attempts, cancellationToken).ConfigureAwait(false);
        if (html is not null) return new FullText(TextSource.Html, html, attempts);
        var pdf = await TryPdfAsync(id, attempts, cancellationToken).ConfigureAwait(false);
        if (pdf is not null) return new FullText(TextSource.Pdf, pdf, attempts);
        return new FullText(TextSource.Abs, FitText(Whitespace.Collapse(abstractText)), attempts);
    }

    private async Task<string?> TryHtmlAsync(ArxivId id, List<string> attempts, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"html/{id.Versioned}", HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return Skip(attempts, "HTML", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!IsTextual(response.Content.Headers.ContentType)) return Skip(attempts, "HTML", $"not HTML ({response.Content.Headers.ContentType?.MediaType})");
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            ReadResult<ArxivDocument> read;
            try
            {
                read = ArxivHtmlReader.Read(body);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                return Skip(attempts, "HTML", $"parse failed ({ex.GetType().Name}: {ex.Message})");
            }
            if (read.Value is not { } document) return Skip(attempts, "HTML", read.Reason ?? "not available");
            return ArxivTextRenderer.Render(options.TokenBudget > 0 ? ContextBudget.Fit(document, options.TokenBudget) : document);
        }
        catch (Exception ex) when (ex is RemoteException { Failure: RemoteFailure.TimedOut } || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Skip(attempts, "HTML", "timed out");
        }
        catch (HttpRequestException ex)
        {
            return Skip(attempts, "HTML", $"network error ({ex.Message})");
        }
    }

    private async Task<string?> TryPdfAsync(ArxivId id, List<string> attempts, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"pdf/{id.Versioned}", HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return Skip(attempts, "PDF", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var read = await _pdf.ReadAsync(bytes, cancellationToken).ConfigureAwait(false);
            return read.Value is { } text ? FitText(text) : Skip(attempts, "PDF", read.Reason ?? "not available");
        }
        catch (Exception ex) when (ex is RemoteException { Failure: RemoteFailure.TimedOut } || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Skip(attempts, "PDF", "timed out");
        }
        catch (HttpRequestException ex)
        {
            return Skip(attempts, "PDF", $"network error ({ex.Message})");
        }
    }

    private string FitText(string text) => options.TokenBudget > 0 && text.Length > 0 ? ContextBudget.FitText(text, options.TokenBudget) : text;

    private static bool IsTextual(MediaTypeHeaderValue? type) =>
        type?.MediaType is null || type.MediaType.Contains("html", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);

    private static string? Skip(List<string> attempts, string source, string reason)
    {
        attempts.Add($"{source}: {reason}");
        return null;
    }
}
