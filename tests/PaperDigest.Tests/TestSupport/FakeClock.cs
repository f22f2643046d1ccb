using Microsoft.Extensions.Time.Testing;

namespace PaperDigest.Tests.TestSupport;

/// <summary>Runs a fake clock forward while real I/O happens, so pacing and Retry-After waits pass without real waiting.</summary>
internal static class FakeClock
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    /// <summary>Advances <paramref name="time"/> a step at a time (at most 10 fake minutes) until <paramref name="task"/> ends.</summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> task)
    {
        await RunAsync(time, (Task)task);
        return await task;
    }

    public static async Task RunAsync(FakeTimeProvider time, Task task)
    {
        for (var i = 0; i < 12_000 && !task.IsCompleted; i++)
        {
            time.Advance(Step);
            await Task.WhenAny(task, Task.Delay(1));
        }
        await task;
    }
}
