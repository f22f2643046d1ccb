namespace PaperDigest.Tests.TestSupport;

/// <summary>A fact that needs poppler's pdftotext on PATH; skipped (and says so) without it.</summary>
public sealed class PdftotextFactAttribute : FactAttribute
{
    public PdftotextFactAttribute()
    {
        if (!Installed) Skip = "pdftotext (poppler-utils) is not installed";
    }

    public static bool Installed { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => File.Exists(Path.Combine(dir, "pdftotext")));
}
