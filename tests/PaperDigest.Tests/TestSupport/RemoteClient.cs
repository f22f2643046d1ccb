using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Http;

namespace PaperDigest.Tests.TestSupport;

/// <summary>
/// The production wiring of one remote (<see cref="Remotes.AddRemote"/>) on a chosen clock, with a counter of the
/// attempts that reach the network and when each started. Dispose it to dispose the container and its pacer.
/// </summary>
internal sealed class RemoteClient : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly AttemptCounter _counter;

    public RemoteClient(RemoteDeclaration remote, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        _counter = new AttemptCounter(time);
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddRemote(remote).AddHttpMessageHandler(() => _counter);
        _services = services.BuildServiceProvider();
        Http = _services.GetRequiredService<IHttpClientFactory>().CreateClient(remote.Name);
    }

    public HttpClient Http { get; }

    /// <summary>How many attempts were sent (retries included), whether or not they connected.</summary>
    public int Attempts => _counter.Starts.Count;

    /// <summary>When each attempt left the remote's handler, on the remote's clock.</summary>
    public IReadOnlyList<DateTimeOffset> Starts => _counter.Starts;

    public void Dispose()
    {
        Http.Dispose();
        _services.Dispose();
    }

    /// <summary>Sits below the remote's handler, so it sees every attempt.</summary>
    private sealed class AttemptCounter(TimeProvider time) : DelegatingHandler
    {
        private readonly List<DateTimeOffset> _starts = [];

        public IReadOnlyList<DateTimeOffset> Starts
        {
            get { lock (_starts) return [.. _starts]; }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_starts) _starts.Add(time.GetUtcNow());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
