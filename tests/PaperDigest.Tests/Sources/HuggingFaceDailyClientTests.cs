using System.Net;
using System.Net.Sockets;
using PaperDigest.Http;
using PaperDigest.Sources;
using PaperDigest.Tests.TestSupport;

namespace PaperDigest.Tests.Sources;

public sealed class HuggingFaceDailyClientTests
{
    [Fact]
    public async Task GetDayAsync_ConnectionRefused_PlainMessageWithoutRetries()
    {
        // Given HF_ENDPOINT pointing at a port nobody listens on (an offline run took minutes to fail)
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var remote = new RemoteClient(Remotes.HuggingFace(new Uri($"http://127.0.0.1:{port}"), RemoteTiming.From(retries: 4, retryDelayMs: 1000, timeoutSeconds: 30)));

        // When a day is fetched
        var ex = await Assert.ThrowsAsync<SourceException>(() => new HuggingFaceDailyClient(remote.Http).GetDayAsync(new DateOnly(2026, 9, 24), CancellationToken.None));

        // Then one attempt, and the words a user can act on
        Assert.Equal(1, remote.Attempts);
        Assert.Equal($"could not connect to http://127.0.0.1:{port}/api/daily_papers: connection refused; check HF_ENDPOINT", ex.Message);
    }
}
