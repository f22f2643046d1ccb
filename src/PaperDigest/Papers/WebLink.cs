namespace PaperDigest.Papers;

/// <summary>Links that came from a source or a model are only kept when they are plain http(s) URLs (never javascript:, data:, ...).</summary>
internal static class WebLink
{
    /// <summary>The URL, normalised, when it is an absolute http or https URL; otherwise null.</summary>
    public static string? Safe(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.AbsoluteUri : null;
}
