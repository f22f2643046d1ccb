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
        var attempts = new Attempts();
        var html = await TryHtmlAsync(id, attempts, cancellationToken).ConfigureAwait(false);
        if (html is not null) return new FullText(TextSource.Html, html, attempts.Reasons);
        var pdf = await TryPdfAsync(id, attempts, cancellationToken).ConfigureAwait(false);
        if (pdf is not null) return new FullText(TextSource.Pdf, pdf, attempts.Reasons, attempts.Transient);
        return new FullText(TextSource.Abs, FitText(Whitespace.Collapse(abstractText)), attempts.Reasons, attempts.Transient);
    }

    /// <summary>Why sources were skipped, and whether any of them failed for a passing reason (a later run may read it).</summary>
    private sealed class Attempts
    {
        public List<string> Reasons { get; } = [];

        public bool Transient { get; set; }
    }

    private const bool Passing = true;

    /// <summary>A status that says the page may be there later: 408, 429 or 5xx (a 404 is final).</summary>
    private static string? SkipStatus(Attempts attempts, string source, System.Net.HttpStatusCode status)
    {
        var code = (int)status;
        return Skip(attempts, source, code.ToString(System.Globalization.CultureInfo.InvariantCulture), code is 408 or 429 or >= 500);
    }

    private async Task<string?> TryHtmlAsync(ArxivId id, Attempts attempts, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"html/{id.Versioned}", HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return SkipStatus(attempts, "HTML", response.StatusCode);
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
            return Skip(attempts, "HTML", "timed out", Passing);
        }
        catch (HttpRequestException ex)
        {
            return Skip(attempts, "HTML", $"network error ({ex.Message})", Passing);
        }
    }

    private async Task<string?> TryPdfAsync(ArxivId id, Attempts attempts, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"pdf/{id.Versioned}", HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return SkipStatus(attempts, "PDF", response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var read = await _pdf.ReadAsync(bytes, cancellationToken).ConfigureAwait(false);
            return read.Value is { } text ? FitText(text) : Skip(attempts, "PDF", read.Reason ?? "not available");
        }
        catch (Exception ex) when (ex is RemoteException { Failure: RemoteFailure.TimedOut } || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Skip(attempts, "PDF", "timed out", Passing);
        }
        catch (HttpRequestException ex)
        {
            return Skip(attempts, "PDF", $"network error ({ex.Message})", Passing);
        }
    }

    private string FitText(string text) => options.TokenBudget > 0 && text.Length > 0 ? ContextBudget.FitText(text, options.TokenBudget) : text;

    private static bool IsTextual(MediaTypeHeaderValue? type) =>
        type?.MediaType is null || type.MediaType.Contains("html", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);

    private static string? Skip(Attempts attempts, string source, string reason, bool transient = false)
    {
        attempts.Reasons.Add($"{source}: {reason}");
        attempts.Transient |= transient;
        return null;
    }
}
