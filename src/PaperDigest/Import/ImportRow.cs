using System.Text.Json;
using PaperDigest.Papers;

namespace PaperDigest.Import;

/// <summary>
/// A paper ready for the upsert: its author and category lists already serialized the way PaperStore stores them
/// (JsonSerializer's defaults, so that a merge compares equal text). Built on the reader task, off the writer's path.
/// </summary>
internal sealed record ImportRow(Paper Paper, string Authors, string Categories)
{
    public static ImportRow From(Paper paper) =>
        new(paper, JsonSerializer.Serialize(paper.Authors), JsonSerializer.Serialize(paper.Categories));
}
