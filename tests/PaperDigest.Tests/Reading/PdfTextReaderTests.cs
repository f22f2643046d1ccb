using PaperDigest.Reading;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Reading;

[Collection("pdftotext")]
public sealed class PdfTextReaderTests
{
    [PdftotextFact]
    public async Task ReadAsync_MinimalPdf_ReturnsItsText()
    {
        // Given a hand-written one-line PDF
        var reader = new PdfTextReader(new ReadingOptions());

        // When its text is extracted
        var result = await reader.ReadAsync(MinimalPdf.WithText("Hello PaperDigest 94.4%"), CancellationToken.None);

        // Then the line comes back
        Assert.Equal("Hello PaperDigest 94.4%", result.Value);
    }

    [Fact]
    public async Task ReadAsync_UnreadablePdf_NotAvailableWithReason()
    {
        // Given bytes that start like a PDF but are not one
        var reader = new PdfTextReader(new ReadingOptions());

        // When they are read
        var result = await reader.ReadAsync(MinimalPdf.Unreadable(), CancellationToken.None);

        // Then there is no text, and the reason is pdftotext's failure (or its absence)
        Assert.False(result.IsAvailable);
        if (PdftotextFactAttribute.Installed) Assert.StartsWith("pdftotext failed (exit ", result.Reason, StringComparison.Ordinal);
        else Assert.Equal(PdfTextReader.NotInstalled, result.Reason);
    }

    [Fact]
    public async Task ReadAsync_ProgramMissing_NotInstalled()
    {
        // Given a pdftotext path that does not exist
        var reader = new PdfTextReader(new ReadingOptions { PdftotextPath = "/nonexistent/bin/pdftotext" });

        // When a PDF is read
        var result = await reader.ReadAsync(MinimalPdf.WithText("x"), CancellationToken.None);

        // Then it says pdftotext is not installed, without throwing
        Assert.Equal("pdftotext not installed", result.Reason);
    }

    [Fact]
    public async Task ReadAsync_NotAPdf_NotAvailable()
    {
        // Given HTML bytes
        var reader = new PdfTextReader(new ReadingOptions());

        // When they are read as a PDF
        var result = await reader.ReadAsync("<html></html>"u8.ToArray(), CancellationToken.None);

        // Then they are declined before any program runs
        Assert.Equal("not a PDF", result.Reason);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        // Given a cancelled token
        var reader = new PdfTextReader(new ReadingOptions());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        // When a PDF is read
        // Then the cancellation is not swallowed
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.ReadAsync(MinimalPdf.WithText("x"), cancelled.Token));
    }

    [Fact]
    public async Task ReadAsync_AnyOutcome_LeavesNoTempFile()
    {
        // Given the temp folder before
        var before = Directory.GetFiles(Path.GetTempPath(), "paperdigest-*.pdf").Length;
        var reader = new PdfTextReader(new ReadingOptions());

        // When a good and a bad PDF are read
        await reader.ReadAsync(MinimalPdf.WithText("x"), CancellationToken.None);
        await reader.ReadAsync(MinimalPdf.Unreadable(), CancellationToken.None);

        // Then no temporary PDF is left behind
        Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), "paperdigest-*.pdf").Length);
    }
}
