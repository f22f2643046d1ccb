namespace PaperDigest.Store;

/// <summary>The `store` section. PAPERDIGEST_DB sets the path too.</summary>
internal sealed class StoreOptions
{
    public string Path { get; set; } = "./paperdigest.db";

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path)) yield return "store.path must not be empty";
    }
}
