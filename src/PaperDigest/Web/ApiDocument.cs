using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PaperDigest.Web;

/// <summary>Touches on the generated OpenAPI document: server URLs without a trailing slash, and no authentication.</summary>
internal static class ApiDocument
{
    public static Task Transform(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? [])
            if (server.Url is { Length: > 1 } url && url.EndsWith('/')) server.Url = url.TrimEnd('/');
        // The API needs no credentials. An empty list is not written by the document writer, so say it as the field itself.
        document.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        document.Extensions["security"] = new JsonNodeExtension(new System.Text.Json.Nodes.JsonArray());
        return Task.CompletedTask;
    }
}
