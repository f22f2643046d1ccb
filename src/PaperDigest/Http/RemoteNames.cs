namespace PaperDigest.Http;

/// <summary>The IHttpClientFactory names of the remotes declared in <see cref="Remotes"/>.</summary>
internal static class RemoteNames
{
    public const string HuggingFace = "huggingface";
    public const string ArxivApi = "arxiv";
    public const string ArxivPages = "arxiv-pages";
    public const string GitHub = "github";
    public const string Llm = "llm";
    public const string Webhooks = "webhooks";
    public const string ArxivRss = "arxiv-rss";
}
