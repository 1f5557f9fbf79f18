using System.Runtime.InteropServices;

namespace Cedule.Bench;

/// <summary>
/// The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>, nanosecond resolution),
/// the same clock as Python's <c>time.thread_time_ns</c>. On a machine shared with other work,
/// wall-clock time measures the competition as much as the code; CPU time mostly does not. The
/// workstation GC collects on the allocating thread, so gen0/gen1 collections are counted.
/// </summary>
internal static partial class CpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsSupported { get; } = OperatingSystem.IsLinux();

    public static long ThreadNanoseconds()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        }

        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
