namespace PaperDigest.Summaries;

/// <summary>How far a batch of summaries is: shown live on a terminal, as plain lines otherwise.</summary>
internal sealed record BatchProgress(int Done, int Failed, int Total, long Tokens, string LastTitle, string LastStyle, bool LastFailed, bool LastCached, string? LastError);
