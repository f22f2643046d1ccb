using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaperDigest.Llm;
using PaperDigest.Papers;
using PaperDigest.Store;

namespace PaperDigest.Ranking;

/// <summary>
/// Builds the ranker of the configured profile: the library file, the liked papers (as the store knows them), keywords and
/// authors. With llm.embeddings_model (an <see cref="EmbeddingsClient"/>) the ranker is <see cref="EmbeddingRanker"/>;
/// without one, or once its endpoint failed this run (said once, naming what to fix), the offline <see cref="ProfileRanker"/>.
/// </summary>
internal sealed partial class ProfileLoader(
    ProfileOptions options, PaperStore papers, EmbeddingStore vectors, EmbeddingsClient? embeddings = null, ILogger<ProfileLoader>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ProfileLoader>.Instance;
    private int _embeddingsFailed;

    public async Task<IProfileRanker> LoadAsync(CancellationToken cancellationToken)
    {
        var library = new List<LibraryPaper>();
        if (!string.IsNullOrWhiteSpace(options.Library)) library.AddRange(LibraryReader.Read(options.Library));
        foreach (var id in options.Papers)
            if (await papers.FindAsync(ArxivId.Parse(id).Id, cancellationToken) is { } liked)
                library.Add(new LibraryPaper(liked.Title, liked.Abstract, liked.Authors, Id: liked.Id));
        var offline = new ProfileRanker(library, options.Keywords, options.Authors);
        if (embeddings is null || Volatile.Read(ref _embeddingsFailed) != 0) return offline;
        return new EmbeddingRanker(library, new ProfileMatcher(options.Keywords, options.Authors), embeddings, vectors, offline, Unavailable);
    }

    /// <summary>The endpoint failed: said once, and the rest of the run ranks offline.</summary>
    private void Unavailable(LlmException ex)
    {
        if (Interlocked.Exchange(ref _embeddingsFailed, 1) != 0) return;
        LogUnavailable(_logger, embeddings!.Model, ex.Message.TrimEnd('.', ' '), Fix(ex));
    }

    /// <summary>Which key to change, in plain words.</summary>
    internal static string Fix(LlmException ex) => ex switch
    {
        { HttpStatus: 401 or 403 } => "set OPENAI_API_KEY to a key this provider accepts",
        { HttpStatus: 404 or 400 or 422 } => "set llm.embeddings_model (PAPERDIGEST_LLM__EMBEDDINGS_MODEL) to an embeddings model this endpoint serves, or remove it",
        { Failure: LlmFailure.Unreachable } => "check OPENAI_BASE_URL, or remove llm.embeddings_model",
        { Failure: LlmFailure.Timeout } => "raise llm.timeout_seconds, or remove llm.embeddings_model",
        _ => "check llm.embeddings_model (PAPERDIGEST_LLM__EMBEDDINGS_MODEL), or remove it",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "embeddings ({Model}) are not available, so this run ranks the profile offline (term statistics): {Why}; {Fix}")]
    private static partial void LogUnavailable(ILogger logger, string model, string why, string fix);
}
