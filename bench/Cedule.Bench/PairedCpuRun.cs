using System.Diagnostics;

namespace Cedule.Bench;

/// <summary>Median CPU and wall time per operation of one engine on one operation.</summary>
internal sealed record PairedTiming(double CpuMedianMicroseconds, double WallMedianMicroseconds);

/// <summary>
/// A cross-check of BenchmarkDotNet's wall-clock figures that holds on a busy machine: Cedule
/// and Fluid alternate, round after round, on each operation, and each round records the thread's
/// CPU time per operation (<see cref="CpuTime"/>). Alternating spreads any change of load over
/// both engines; CPU time leaves out the time the thread waited for a core. The Jinja2 peer
/// reports the same clock.
/// </summary>
internal static class PairedCpuRun
{
    public static Dictionary<(string Template, string Method), PairedTiming> Run(double seconds, int rounds, TextWriter log)
    {
        var results = new Dictionary<(string, string), PairedTiming>();
        foreach (var name in Workload.Names)
        {
            var workload = Workload.Get(name);
            var operations = new (string Method, Action Action)[]
            {
                ("Parse_Cedule", () => workload.ParseCedule()),
                ("Parse_Fluid", () => workload.ParseFluid()),
                ("Render_Cedule", () => workload.RenderCedule()),
                ("Render_Fluid", () => workload.RenderFluid()),
            };
            var batches = operations.Select(operation => Calibrate(operation.Action, seconds)).ToArray();
            var cpu = operations.Select(_ => new List<double>()).ToArray();
            var wall = operations.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < operations.Length; i++)
                {
                    var (cpuPerOp, wallPerOp) = Time(operations[i].Action, batches[i]);
                    cpu[i].Add(cpuPerOp);
                    wall[i].Add(wallPerOp);
                }
            }

            for (var i = 0; i < operations.Length; i++)
            {
                results[(name, operations[i].Method)] = new PairedTiming(Median(cpu[i]), Median(wall[i]));
            }

            log.WriteLine($"paired CPU-time run: {name} done");
        }

        return results;
    }

    // Warms up for a moment and returns how many operations take about `seconds`.
    private static long Calibrate(Action action, double seconds)
    {
        var clock = Stopwatch.StartNew();
        long calls = 0;
        while (clock.Elapsed.TotalSeconds < Math.Min(seconds, 0.5) || calls < 3)
        {
            action();
            calls++;
        }

        var cpuPerOp = Time(action, calls).CpuMicroseconds;
        return Math.Max(1, (long)(seconds * 1e6 / cpuPerOp));
    }

    private static (double CpuMicroseconds, double WallMicroseconds) Time(Action action, long count)
    {
        var wall = Stopwatch.GetTimestamp();
        var cpu = CpuTime.ThreadNanoseconds();
        for (long i = 0; i < count; i++)
        {
            action();
        }

        var cpuElapsed = CpuTime.ThreadNanoseconds() - cpu;
        var wallElapsed = Stopwatch.GetElapsedTime(wall);
        return (cpuElapsed / 1000.0 / count, wallElapsed.TotalMicroseconds / count);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
