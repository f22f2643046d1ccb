using System.Diagnostics;

namespace PaperDigest.Files;

/// <summary>Whether a process of this machine is still running: tells what a killed run left behind from what a live one is using.</summary>
internal static class LiveProcess
{
    public static int CurrentId => Environment.ProcessId;

    public static bool IsRunning(long pid)
    {
        if (pid == Environment.ProcessId) return true;
        if (pid is <= 0 or > int.MaxValue) return false;
        try
        {
            using var process = Process.GetProcessById((int)pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; } // no such process
        catch (InvalidOperationException) { return false; }
    }
}
