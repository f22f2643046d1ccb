namespace PaperDigest.Http;

/// <summary>Why a remote gave no usable answer (see <see cref="RemoteException"/>).</summary>
internal enum RemoteFailure
{
    /// <summary>The host does not resolve or refuses the connection: not retried, it will not go away by itself.</summary>
    Unreachable,

    /// <summary>Every attempt ran out of time (headers or body).</summary>
    TimedOut,

    /// <summary>The server asked to wait longer than this run waits.</summary>
    RetryAfterTooLong,

    /// <summary>Transport errors (a reset mid-body, a broken answer) on every attempt.</summary>
    Transport,
}
