using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Cedule.Bench;

/// <summary>
/// A quick CPU profile of Cedule (<c>--profile rows|model</c>): the process samples itself
/// through EventPipe (the runtime's sample profiler, every millisecond) while it parses and then
/// renders the template in a loop, then prints the methods where the samples fall: exclusive
/// (the method itself was running) and inclusive (it was on the stack). For the engine's authors:
/// where a render spends its time, without installing a profiler.
/// </summary>
internal static class CpuProfile
{
    private const int Top = 30;

    public static int Run(string name, double seconds, TextWriter log)
    {
        var workload = Workload.Get(name);
        foreach (var (operation, action) in new (string, Action)[]
        {
            ("render", () => workload.RenderCedule()),
            ("parse", () => workload.ParseCedule()),
        })
        {
            // Warm up: let tiered compilation settle before sampling.
            Loop(action, TimeSpan.FromSeconds(2));
            var trace = Path.Combine(Path.GetTempPath(), $"cedule-bench-{name}-{operation}-{System.Environment.ProcessId}.nettrace");
            var iterations = Record(trace, () => Loop(action, TimeSpan.FromSeconds(seconds)));
            log.WriteLine();
            log.WriteLine($"== Cedule {operation} of {name}: {iterations:N0} iterations in {seconds} s ({seconds * 1e6 / iterations:0.0} µs each), trace {trace}");
            Report(trace, FilterNames(workload), log);
        }

        return 0;
    }

    /// <summary>Profiles any action (the engine benchmark's <c>--profile</c>): warm-up, then samples it in a loop.</summary>
    public static void RunAction(string label, Action action, double seconds, TextWriter log)
    {
        Loop(action, TimeSpan.FromSeconds(2));
        var trace = Path.Combine(Path.GetTempPath(), $"cedule-bench-{label}-{System.Environment.ProcessId}.nettrace");
        var iterations = Record(trace, () => Loop(action, TimeSpan.FromSeconds(seconds)));
        log.WriteLine();
        log.WriteLine($"== {label}: {iterations:N0} iterations in {seconds} s ({seconds * 1e6 / iterations:0.0} µs each), trace {trace}");
        Report(trace, new Dictionary<string, string>(StringComparer.Ordinal), log);
    }

    // Kept out of line so that its frame marks the samples of the measured thread.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long Loop(Action action, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long iterations = 0;
        while (clock.Elapsed < duration)
        {
            action();
            iterations++;
        }

        return iterations;
    }

    private static long Record(string path, Func<long> work)
    {
        var providers = new[]
        {
            new EventPipeProvider("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            new EventPipeProvider(
                "Microsoft-Windows-DotNETRuntime",
                EventLevel.Verbose,
                (long)(ClrTraceEventParser.Keywords.Jit | ClrTraceEventParser.Keywords.Loader | ClrTraceEventParser.Keywords.GC)),
        };
        var client = new DiagnosticsClient(System.Environment.ProcessId);
        using var session = client.StartEventPipeSession(providers, requestRundown: true, circularBufferMB: 512);
        var copy = Task.Run(() =>
        {
            using var file = File.Create(path);
            session.EventStream.CopyTo(file);
        });
        var iterations = work();
        session.Stop();
        copy.Wait();
        return iterations;
    }

    // Filters are lambdas ("BuiltinFilters+<>c.<RegisterStringFilters>b__39_10"): name them.
    private static Dictionary<string, string> FilterNames(Workload workload)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, filter) in workload.CeduleEnvironment.Filters)
        {
            var method = filter.Method;
            names.TryAdd(method.DeclaringType?.FullName + "." + method.Name, $"{method.DeclaringType?.FullName}.{method.Name} [filter '{name}']");
        }

        return names;
    }

    private static void Report(string path, Dictionary<string, string> filterNames, TextWriter log)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(path);
        using var trace = new TraceLog(etlx);
        var exclusive = new Dictionary<string, int>(StringComparer.Ordinal);
        var inclusive = new Dictionary<string, int>(StringComparer.Ordinal);
        var charged = new Dictionary<string, int>(StringComparer.Ordinal);
        var stacks = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        var allocatedByType = new Dictionary<string, long>(StringComparer.Ordinal);
        var allocatedByMethod = new Dictionary<string, long>(StringComparer.Ordinal);
        var allocatedByPair = new Dictionary<string, long>(StringComparer.Ordinal);
        long allocated = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in trace.Events)
        {
            var tick = sample as GCAllocationTickTraceData;
            if (tick is null && sample.ProviderName != "Microsoft-DotNETCore-SampleProfiler")
            {
                continue;
            }

            var frames = new List<string>();
            var measured = false;
            for (var stack = sample.CallStack(); stack is not null; stack = stack.Caller)
            {
                var frame = Describe(stack.CodeAddress);
                frame = filterNames.GetValueOrDefault(frame, frame);
                measured |= frame.Contains("CpuProfile.Loop", StringComparison.Ordinal);
                frames.Add(frame);
            }

            if (!measured || frames.Count == 0)
            {
                continue;
            }

            if (tick is not null)
            {
                // One event per ~100 KB allocated, carrying the type of the object that crossed the mark.
                allocated += tick.AllocationAmount64;
                allocatedByType[tick.TypeName] = allocatedByType.GetValueOrDefault(tick.TypeName) + tick.AllocationAmount64;
                var method = frames.FirstOrDefault(IsEngine) ?? frames[0];
                allocatedByMethod[method] = allocatedByMethod.GetValueOrDefault(method) + tick.AllocationAmount64;
                var pair = method + " → " + tick.TypeName;
                allocatedByPair[pair] = allocatedByPair.GetValueOrDefault(pair) + tick.AllocationAmount64;
                continue;
            }

            total++;
            Increment(exclusive, frames[0]);
            // The running frame and its two callers (often runtime or BCL code), then the engine methods above.
            var chain = frames.Take(3).Concat(frames.Skip(3).Where(IsEngine).Take(4)).Select(Short);
            Increment(stacks, string.Join(" ← ", chain));
            Increment(charged, frames.FirstOrDefault(IsEngine) ?? frames[0]);
            seen.Clear();
            foreach (var frame in frames)
            {
                if (seen.Add(frame))
                {
                    Increment(inclusive, frame);
                }
            }
        }

        log.WriteLine($"{total:N0} samples on the measuring thread");
        Print("exclusive (self)", exclusive, total, log, _ => true);
        Print("by innermost engine method (time in the runtime and the BCL, GC included, charged to the engine method that called it)", charged, total, log, _ => true);
        Print("inclusive (on the stack), engine methods only", inclusive, total, log, IsEngine);
        Print("hottest stacks (running frame ← its callers ← engine methods)", stacks, total, log, _ => true, 15);
        log.WriteLine($"-- allocations (sampled every ~100 KB: {allocated / 1e6:0.0} MB in all), by type");
        PrintBytes(allocatedByType, allocated, log);
        log.WriteLine("-- allocations by innermost engine method");
        PrintBytes(allocatedByMethod, allocated, log);
        log.WriteLine("-- allocations by innermost engine method and type");
        PrintBytes(allocatedByPair, allocated, log);
    }

    private static void PrintBytes(Dictionary<string, long> bytes, long total, TextWriter log)
    {
        foreach (var (key, value) in bytes.OrderByDescending(pair => pair.Value).Take(15))
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * value / Math.Max(1, total),6:0.0}%  {key}"));
        }
    }

    private static bool IsEngine(string frame) =>
        frame.StartsWith("Cedule.Jinja", StringComparison.Ordinal) || frame.StartsWith("Cedule.Core", StringComparison.Ordinal);

    private static string Describe(TraceCodeAddress address)
    {
        var method = address.FullMethodName;
        if (!string.IsNullOrEmpty(method))
        {
            var paren = method.IndexOf('(', StringComparison.Ordinal);
            return paren > 0 ? method[..paren] : method;
        }

        return "[native " + (address.ModuleName ?? "?") + "]";
    }

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Short(string frame)
    {
        var bracket = frame.IndexOf(" [", StringComparison.Ordinal);
        var name = bracket > 0 ? frame[..bracket] : frame;
        var dot = name.LastIndexOf('.');
        var type = dot > 0 ? name[..dot] : "";
        var typeDot = type.LastIndexOf('.');
        return (typeDot >= 0 ? type[(typeDot + 1)..] + "." : "") + name[(dot + 1)..] + (bracket > 0 ? frame[bracket..] : "");
    }

    private static void Print(string title, Dictionary<string, int> counts, int total, TextWriter log, Func<string, bool> filter, int top = Top)
    {
        log.WriteLine($"-- {title}");
        foreach (var (frame, count) in counts.Where(pair => filter(pair.Key)).OrderByDescending(pair => pair.Value).Take(top))
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * count / Math.Max(1, total),6:0.0}%  {frame}"));
        }
    }
}
