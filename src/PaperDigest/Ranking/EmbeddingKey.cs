using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PaperDigest.Papers;

namespace PaperDigest.Ranking;

/// <summary>
/// What one vector is of: a paper version (arXiv id and version, '' when unknown) or a library text without an arXiv id
/// ('text:' and its hash), and the text that was embedded.
/// </summary>
internal sealed record EmbeddingKey(string Item, string Version, string Text)
{
    public static EmbeddingKey Of(ArxivId? id, string text) => id is null
        ? new("text:" + Hash(text), "", text)
        : new(id.Id, id.Version?.ToString(CultureInfo.InvariantCulture) ?? "", text);

    public string TextHash => Hash(Text);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
