using PaperDigest.Store;

namespace PaperDigest.Ranking;

/// <summary>Builds the ranker of the configured profile: the library file, the liked papers (as the store knows them), keywords and authors.</summary>
internal sealed class ProfileLoader(ProfileOptions options, PaperStore papers)
{
    public async Task<ProfileRanker> LoadAsync(CancellationToken cancellationToken)
    {
        var library = new List<LibraryPaper>();
        if (!string.IsNullOrWhiteSpace(options.Library)) library.AddRange(LibraryReader.Read(options.Library));
        foreach (var id in options.Papers)
            if (await papers.FindAsync(PaperDigest.Papers.ArxivId.Parse(id).Id, cancellationToken) is { } liked)
                library.Add(new LibraryPaper(liked.Title, liked.Abstract, liked.Authors));
        return new ProfileRanker(library, options.Keywords, options.Authors);
    }
}
