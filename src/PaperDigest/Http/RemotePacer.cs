using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;

namespace PaperDigest.Http;

/// <summary>
/// Paces one remote with System.Threading.RateLimiting on the injected clock. Two <see cref="ConcurrencyLimiter"/>s:
/// one for requests at a time (<see cref="RemotePacing.Concurrency"/>), and one holding <see cref="RemotePacing.Starts"/>
/// start permits, each given back by a TimeProvider timer one <see cref="RemotePacing.Window"/> after it was taken.
/// So no window of that length ever holds more starts, and with one permit two starts are a full window apart.
/// (A TokenBucketRateLimiter replenished by hand measures the elapsed time on the real Stopwatch, so it would not
/// follow a fake clock.) The order matters: a request takes its turn first and its start permit last, then starts at once.
/// </summary>
internal sealed class RemotePacer : IDisposable
{
    private readonly ConcurrencyLimiter _turns;
    private readonly ConcurrencyLimiter? _starts;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<StrongBox<ITimer?>, RateLimitLease> _pending = new();

    public RemotePacer(RemotePacing? pacing, TimeProvider time)
    {
        _time = time;
        _turns = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = pacing?.Concurrency ?? int.MaxValue, QueueLimit = int.MaxValue });
        if (pacing is null || pacing.Window <= TimeSpan.Zero) return;
        _window = pacing.Window;
        _starts = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = pacing.Starts, QueueLimit = int.MaxValue });
    }

    /// <summary>Waits for this request's turn and start; dispose the result when the request (body included) is done.</summary>
    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var turn = await _turns.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!turn.IsAcquired) throw new InvalidOperationException("The remote's request queue is full.");
            if (_starts is not null)
            {
                var start = await _starts.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                if (!start.IsAcquired) throw new InvalidOperationException("The remote's start queue is full.");
                GiveBackLater(start);
            }
            return turn;
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    private void GiveBackLater(RateLimitLease start)
    {
        var box = new StrongBox<ITimer?>();
        _pending[box] = start; // keeps the timer alive until it fires
        box.Value = _time.CreateTimer(static state =>
        {
            var (self, box) = ((RemotePacer, StrongBox<ITimer?>))state!;
            if (self._pending.TryRemove(box, out var lease)) lease.Dispose();
            box.Value?.Dispose();
        }, (this, box), _window, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        foreach (var (box, lease) in _pending)
        {
            box.Value?.Dispose();
            lease.Dispose();
        }
        _turns.Dispose();
        _starts?.Dispose();
    }
}
