using System.Net.Sockets;
using PaperDigest.Http;

namespace PaperDigest.Tests.Http;

public sealed class RemoteExceptionTests
{
    [Theory]
    [InlineData(SocketError.ConnectionRefused, "connection refused")]
    [InlineData(SocketError.HostNotFound, "host not found")]
    [InlineData(SocketError.TryAgain, "host not found")]
    [InlineData(SocketError.NetworkUnreachable, "network unreachable")]
    public void PermanentReason_ConnectFailureThatWillNotGoAway_Named(SocketError error, string reason)
    {
        // Given the exception SocketsHttpHandler throws for it
        var ex = new HttpRequestException(HttpRequestError.ConnectionError, "boom", new SocketException((int)error));

        // When / Then
        Assert.Equal(reason, RemoteException.PermanentReason(ex));
    }

    [Fact]
    public void PermanentReason_NameResolutionWithoutSocketError_HostNotFound()
    {
        // Given / When / Then
        Assert.Equal("host not found", RemoteException.PermanentReason(new HttpRequestException(HttpRequestError.NameResolutionError, "no such host")));
    }

    [Fact]
    public void PermanentReason_ConnectionReset_NullSoItIsRetried()
    {
        // Given a reset: transient
        var ex = new HttpRequestException(HttpRequestError.ResponseEnded, "reset", new IOException("x", new SocketException((int)SocketError.ConnectionReset)));

        // When / Then
        Assert.Null(RemoteException.PermanentReason(ex));
    }
}
