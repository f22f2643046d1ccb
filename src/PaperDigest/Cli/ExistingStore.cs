namespace PaperDigest.Cli;

/// <summary>The readers (`serve`, `site`) show a store that exists; they never create an empty one where the user pointed by mistake.</summary>
internal static class ExistingStore
{
    /// <returns>false, having said so on <paramref name="error"/>, when there is no store at <paramref name="path"/>.</returns>
    public static async Task<bool> CheckAsync(string path, TextWriter error)
    {
        if (File.Exists(path)) return true;
        await error.WriteLineAsync($"error: there is no PaperDigest store at {path}. Run `paperdigest daily` or `paperdigest import FILE` first, or set PAPERDIGEST_DB to the store's file.");
        return false;
    }
}
