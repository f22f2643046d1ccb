using System.Net;
using System.Net.Sockets;

namespace PaperDigest.Tests.TestSupport;

/// <summary>A port on 127.0.0.1 that nothing listens on (bound, then released): connecting to it is refused at once.</summary>
public static class ClosedPort
{
    public static Uri BaseUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/v1/");
    }
}
