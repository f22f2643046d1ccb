namespace PaperDigest.Ranking;

/// <summary>One paper of the reader's library: its text and, where the export says, when it was added (recent ones weigh more).</summary>
internal sealed record LibraryPaper(string Title, string Abstract, IReadOnlyList<string> Authors, DateOnly? Added = null);
