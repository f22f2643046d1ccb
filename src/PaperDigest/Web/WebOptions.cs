namespace PaperDigest.Web;

/// <summary>The `web` section: where `serve` listens, and the public address of the static site (for absolute feed links).</summary>
internal sealed class WebOptions
{
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Optional, e.g. https://user.github.io/digest/ : feeds of the static site then carry absolute links.</summary>
    public string BaseUrl { get; set; } = "";

    public int PageSize { get; set; } = 20;

    public IEnumerable<string> Validate()
    {
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
                yield return $"web.urls: '{url}' is not an http(s) URL such as http://127.0.0.1:5080";
        if (BaseUrl.Length > 0 && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var b) && b.Scheme is "http" or "https"))
            yield return $"web.base_url: '{BaseUrl}' is not an http(s) URL";
        if (PageSize is < 1 or > 200) yield return "web.page_size must be between 1 and 200";
    }
}
