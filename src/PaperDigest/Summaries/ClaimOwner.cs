using System.Diagnostics;
using System.Globalization;

namespace PaperDigest.Summaries;

/// <summary>
/// Who holds a summary claim: host, process id, process start and a per-run nonce. A claim whose process on this host
/// is gone (a killed run) is stale at once; one from another host waits for the stale time.
/// </summary>
internal static class ClaimOwner
{
    private static readonly string Host = Environment.MachineName;

    public static string NewRunId()
    {
        using var self = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture, $"{Host}:{Environment.ProcessId}:{self.StartTime.ToUniversalTime().Ticks}:{Guid.NewGuid():N}");
    }

    /// <summary>True when <paramref name="runId"/> names a process of this host that no longer runs.</summary>
    public static bool IsGone(string runId)
    {
        var parts = runId.Split(':');
        if (parts.Length != 4 || parts[0] != Host
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var started)) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || process.StartTime.ToUniversalTime().Ticks != started;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
