namespace PaperDigest.Publishing;

/// <summary>
/// Where a digest's papers were listed, for its header and `source_url`: a named arXiv source (`daily --source`). A digest
/// without one is Hugging Face Daily Papers', as in the seeds.
/// </summary>
internal sealed record DigestOrigin(string Title, string Url);
