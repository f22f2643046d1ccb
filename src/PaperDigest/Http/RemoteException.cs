using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PaperDigest.Http;

/// <summary>
/// A remote gave no usable answer, in the same words for every remote: "could not connect to &lt;url&gt;: connection
/// refused; check HF_ENDPOINT". It is an <see cref="HttpRequestException"/>, so callers that catch those keep working;
/// <see cref="Failure"/> tells why. Only the URL's path is named, never its query.
/// </summary>
internal sealed class RemoteException : HttpRequestException
{
    private RemoteException(RemoteFailure failure, string message, Exception? inner, HttpRequestError error = HttpRequestError.Unknown, HttpStatusCode? status = null)
        : base(error, message, inner, status) => Failure = failure;

    public RemoteFailure Failure { get; }

    public static RemoteException Unreachable(RemoteDeclaration remote, Uri url, HttpRequestException inner, string reason) =>
        new(RemoteFailure.Unreachable, $"could not connect to {Where(url)}: {reason}; check {remote.Setting}", inner, inner.HttpRequestError);

    public static RemoteException TimedOut(RemoteDeclaration remote, Uri url, int attempts, Exception inner) =>
        new(RemoteFailure.TimedOut,
            $"{remote.DisplayName} did not answer {Where(url)} within {Seconds(remote.Timing.AttemptTimeout)} s ({Attempts(attempts)})"
            + (remote.TimeoutSetting is { } key ? $"; {key} sets the limit" : ""),
            inner);

    public static RemoteException RetryAfterTooLong(RemoteDeclaration remote, TimeSpan wait, HttpStatusCode status) =>
        new(RemoteFailure.RetryAfterTooLong,
            $"{remote.DisplayName} asked to retry after {Seconds(wait)} s, more than the {Seconds(remote.Timing.MaxRetryAfter)} s this run waits; try again later",
            null, HttpRequestError.Unknown, status);

    public static RemoteException Transport(RemoteDeclaration remote, Uri url, int attempts, Exception inner) =>
        new(RemoteFailure.Transport, $"{remote.DisplayName} could not be read at {Where(url)} ({Attempts(attempts)}): {inner.Message}", inner,
            (inner as HttpRequestException)?.HttpRequestError ?? HttpRequestError.Unknown);

    /// <summary>Why retrying <paramref name="ex"/> is pointless ("connection refused", "host not found"), or null when it may pass.</summary>
    public static string? PermanentReason(HttpRequestException ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket && Reason(socket.SocketErrorCode) is { } reason) return reason;
        }
        return ex.HttpRequestError == HttpRequestError.NameResolutionError ? "host not found" : null;
    }

    private static string? Reason(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.HostUnreachable => "host unreachable",
        _ => null,
    };

    private static string Where(Uri url) => url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path) : url.OriginalString.Split('?')[0];

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Attempts(int n) => n == 1 ? "1 attempt" : $"{n} attempts";
}
