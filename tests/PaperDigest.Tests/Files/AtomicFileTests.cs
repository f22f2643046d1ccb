using System.Diagnostics;
using PaperDigest.Files;

namespace PaperDigest.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pd-atomic-").FullName;

    private string File_(string name) => Path.Combine(_dir, name);

    private IEnumerable<string> Temps => Directory.EnumerateFiles(_dir, "*.tmp");

    [Fact]
    public async Task WriteAllTextAsync_NewText_ReplacesWholeNoTempLeft()
    {
        // Given
        await File.WriteAllTextAsync(File_("a.md"), "old");

        // When
        await AtomicFile.WriteAllTextAsync(File_("a.md"), "new text", CancellationToken.None);

        // Then
        Assert.Equal("new text", await File.ReadAllTextAsync(File_("a.md")));
        Assert.Empty(Temps);
    }

    [Fact]
    public async Task WriteAllTextAsync_WriteFails_OldFileSurvivesNoTempLeft()
    {
        // Given: an old file, and a write stopped halfway (cancelled, as a full disk or a signal would stop it)
        await File.WriteAllTextAsync(File_("a.md"), "old");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        // When
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAllTextAsync(File_("a.md"), new string('x', 1_000_000), cancelled.Token));

        // Then
        Assert.Equal("old", await File.ReadAllTextAsync(File_("a.md")));
        Assert.Empty(Temps);
    }

    [Fact]
    public async Task WriteAllTextAsync_TempOfKilledWriter_RemovedLiveWritersKept()
    {
        // Given: a temp file left by a process that is gone, one of a live writer (this process), and a user's own file
        var dead = await ExitedProcessIdAsync();
        var stale = File_($".2026-02-03.brief.md.{dead}-{Guid.NewGuid():N}.tmp");
        var live = File_($".2026-02-03.json.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        var users = File_("notes.tmp");
        foreach (var f in new[] { stale, live, users }) await File.WriteAllTextAsync(f, "half");

        // When: the next write of that folder
        await AtomicFile.WriteAllTextAsync(File_("2026-02-03.brief.md"), "digest", CancellationToken.None);

        // Then
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(users));
    }

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        var id = process.Id;
        await process.WaitForExitAsync();
        return id;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
