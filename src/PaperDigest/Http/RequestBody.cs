namespace PaperDigest.Http;

/// <summary>A request's content kept as bytes, so that every attempt sends it again whole.</summary>
internal sealed class RequestBody(byte[] bytes, IReadOnlyList<KeyValuePair<string, IEnumerable<string>>> headers)
{
    public static async Task<RequestBody?> CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Content is { } content
            ? new RequestBody(await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), [.. content.Headers])
            : null;

    public void Restore(HttpRequestMessage request)
    {
        var content = new ByteArrayContent(bytes);
        foreach (var (name, values) in headers) content.Headers.TryAddWithoutValidation(name, values);
        request.Content = content;
    }
}
