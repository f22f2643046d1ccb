using System.Runtime.InteropServices;

namespace PaperDigest.Bench;

/// <summary>CPU time of this process (user + system, all threads) from getrusage: on a shared machine it varies less than wall time.</summary>
internal static partial class CpuClock
{
    public static double Milliseconds()
    {
        var usage = new RUsage();
        return GetRUsage(0, ref usage) == 0
            ? (usage.UserSeconds + usage.SystemSeconds) * 1000.0 + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0
            : double.NaN;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRUsage(int who, ref RUsage usage);
}
