using System.Net;

namespace PaperDigest.Http;

/// <summary>
/// One remote PaperDigest talks to, declared once in <see cref="Remotes"/>: its named HttpClient, where it lives, the
/// setting a user changes when it cannot be reached, its timing, which answers are worth a retry, and its pacing.
/// </summary>
/// <param name="Name">The IHttpClientFactory name (see <see cref="RemoteNames"/>).</param>
/// <param name="DisplayName">How messages name it: "Hugging Face".</param>
/// <param name="Setting">What to check when it cannot be reached: "HF_ENDPOINT".</param>
/// <param name="TimeoutSetting">The key that sets <see cref="RemoteTiming.AttemptTimeout"/>, if any.</param>
/// <param name="RetryStatus">Which HTTP statuses are tried again (transport errors and timeouts always are).</param>
internal sealed record RemoteDeclaration(
    string Name,
    string DisplayName,
    Uri? BaseAddress,
    string Setting,
    string? TimeoutSetting,
    RemoteTiming Timing,
    Func<HttpStatusCode, bool> RetryStatus,
    RemotePacing? Pacing = null,
    string UserAgent = RemoteDeclaration.DefaultUserAgent)
{
    public const string DefaultUserAgent = "PaperDigest/0.1";

    /// <summary>408, 429 and every 5xx: what most remotes mean by "try again".</summary>
    public static bool TransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Throws when a value would make Polly or the rate limiter fail later; options validation names the keys first.</summary>
    public void EnsureValid()
    {
        var problems = Timing.Problems().Concat(Pacing?.Problems() ?? []).ToList();
        if (problems.Count > 0) throw new ArgumentException($"The '{Name}' remote is misconfigured: {string.Join("; ", problems)}.");
    }
}
