using System.Diagnostics;
using System.Globalization;
using Cedule.Adapters.DuckDb;
using Cedule.Core.Execution;
using Cedule.Core.Manifest;
using Cedule.Core.Parsing;
using Cedule.Core.Project;

namespace Cedule.Bench.Engine;

/// <summary>
/// <c>Cedule.Bench engine</c>: the engine's own cost per node (render, execute, bookkeeping) on
/// DuckDB with trivial views. The project is parsed once; then every view is executed with
/// <see cref="ExecutionSession.Execute"/> on an in-memory DuckDB, round after round (round 1
/// creates the views, later rounds replace them with the build-and-swap of the materialization),
/// timing each node in wall and thread CPU time. The database's share is measured twice: in place
/// (time inside the connection's calls) and by replaying the node's recorded calls straight on a
/// fresh database (three times, keeping each node's fastest). Overhead = node time − database
/// time, per node; medians and p95 are reported.
/// </summary>
internal static class EngineBench
{
    public const string Usage = """
        usage: Cedule.Bench engine [options]
          --views N          trivial views in the generated project (default 200)
          --rounds N         rounds over all views; round 1 creates, later rounds replace (default 6)
          --no-target        do not write target/compiled and target/run files (as the agent runs)
          --profile          sample the engine while it replaces views in a loop and print the hottest methods
          --seconds N        how long --profile samples (default 10)
        """;

    private sealed record Sample(int Round, string Id, long WallTicks, long CpuNs, long DbWallTicks, long DbCpuNs, long Bytes, IReadOnlyList<DatabaseCall> Calls)
    {
        public long ReplayWallTicks { get; set; }

        public long ReplayCpuNs { get; set; }

        public long[] ReplayCallTicks { get; } = new long[Calls.Count];
    }

    public static int Run(string[] args, TextWriter log)
    {
        int views = 200, rounds = 6;
        var writeTarget = true;
        var profile = false;
        double seconds = 10;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--views" when i + 1 < args.Length:
                    views = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--rounds" when i + 1 < args.Length:
                    rounds = Math.Max(2, int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--no-target":
                    writeTarget = false;
                    break;
                case "--profile":
                    profile = true;
                    break;
                case "--seconds" when i + 1 < args.Length:
                    seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    log.WriteLine(Usage);
                    return 2;
            }
        }

        var dir = EngineProject.Write(views);
        var resolved = ProfilesFile.Resolve(EngineProject.Name, null, dir, dir, System.Environment.GetEnvironmentVariable);
        var parse = new ProjectParser(new ParseOptions { Target = resolved.Facts }).Parse(dir);
        if (!parse.IsValid)
        {
            foreach (var diagnostic in parse.Diagnostics)
            {
                log.WriteLine(diagnostic.ToString());
            }

            return 1;
        }

        var order = ProjectGraph.Build(parse).TopologicalOrder.Where(id => id.StartsWith("model.", StringComparison.Ordinal)).ToList();
        var options = new RunOptions
        {
            RunStartedAt = TimeProvider.System.GetUtcNow(),
            SelectedResources = order,
            TargetPath = writeTarget ? Path.Combine(dir, "target") : null,
        };
        log.WriteLine($"Engine benchmark: {order.Count} views in {dir}, {rounds} rounds, target files {(writeTarget ? "written" : "not written")}, load average {BenchOptions.LoadAverage()}");

        if (profile)
        {
            return Profile(parse, resolved, options, order, seconds, log);
        }

        // Warm-up on its own database: JIT and tiered compilation of the whole path.
        Measure(parse, resolved, options, order, 3);
        var samples = Measure(parse, resolved, options, order, rounds);
        for (var replay = 0; replay < 3; replay++)
        {
            Replay(parse, resolved, options, samples);
        }
        Report(samples, log);
        log.WriteLine($"load average after the run {BenchOptions.LoadAverage()}");
        return 0;
    }

    private static List<Sample> Measure(ParseResult parse, ResolvedProfile profile, RunOptions options, List<string> order, int rounds)
    {
        using var driver = new DuckDbDriver();
        var session = new ExecutionSession(parse, profile, driver, options);
        using var connection = new RecordingConnection(session.OpenConnection());
        var samples = new List<Sample>(order.Count * rounds);
        var lines = 0L;
        Action<LogLine> sink = _ => lines++;
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var id in order)
            {
                connection.Reset();
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var cpu = CpuTime.ThreadNanoseconds();
                var wall = Stopwatch.GetTimestamp();
                var result = session.Execute(id, connection, sink);
                var wallTicks = Stopwatch.GetTimestamp() - wall;
                var cpuNs = CpuTime.ThreadNanoseconds() - cpu;
                bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
                if (result.Status != NodeStatus.Success)
                {
                    throw new InvalidOperationException($"{id} failed in round {round}: {result.Message}");
                }

                samples.Add(new Sample(round, id, wallTicks, cpuNs, connection.DatabaseWallTicks, connection.DatabaseCpuNanoseconds, bytes, [.. connection.Calls]));
            }
        }

        return samples;
    }

    /// <summary>The same calls, in the same order, on a fresh database: what DuckDB alone spends per node.</summary>
    private static void Replay(ParseResult parse, ResolvedProfile profile, RunOptions options, List<Sample> samples)
    {
        using var driver = new DuckDbDriver();
        var session = new ExecutionSession(parse, profile, driver, options);
        using var connection = session.OpenConnection();
        var callTicks = new long[64];
        foreach (var sample in samples)
        {
            if (callTicks.Length < sample.Calls.Count)
            {
                callTicks = new long[sample.Calls.Count];
            }

            var cpu = CpuTime.ThreadNanoseconds();
            var wall = Stopwatch.GetTimestamp();
            RecordingConnection.Replay(connection, sample.Calls, callTicks);
            var wallTicks = Stopwatch.GetTimestamp() - wall;
            var cpuNs = CpuTime.ThreadNanoseconds() - cpu;
            var first = sample.ReplayWallTicks == 0;

            // The fastest of the replays: the database's own time with the least interference of
            // other processes; so the overhead it gives leans high, never low.
            sample.ReplayWallTicks = first ? wallTicks : Math.Min(sample.ReplayWallTicks, wallTicks);
            sample.ReplayCpuNs = first ? cpuNs : Math.Min(sample.ReplayCpuNs, cpuNs);
            for (var i = 0; i < sample.Calls.Count; i++)
            {
                sample.ReplayCallTicks[i] = first ? callTicks[i] : Math.Min(sample.ReplayCallTicks[i], callTicks[i]);
            }
        }
    }

    private static int Profile(ParseResult parse, ResolvedProfile profile, RunOptions options, List<string> order, double seconds, TextWriter log)
    {
        using var driver = new DuckDbDriver();
        var session = new ExecutionSession(parse, profile, driver, options);
        using var connection = session.OpenConnection();
        var next = 0;
        CpuProfile.RunAction("engine-replace-view", () =>
        {
            var id = order[next];
            next = (next + 1) % order.Count;
            if (session.Execute(id, connection).Status != NodeStatus.Success)
            {
                throw new InvalidOperationException(id + " failed");
            }
        }, seconds, log);
        return 0;
    }

    private static void Report(List<Sample> samples, TextWriter log)
    {
        log.WriteLine();
        log.WriteLine("Per node, in ms (median / p95); overhead = node − database, computed per node:");
        log.WriteLine();
        log.WriteLine("| Rounds | Nodes | DB calls / node | Node wall | DB in place wall | DB replay wall | Overhead wall (− replay) | Overhead wall (− in place) | Node CPU | DB replay CPU | Overhead CPU (− replay) | Overhead CPU (− in place) | Allocated / node |");
        log.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (label, group) in new[]
        {
            ("1 (create)", samples.Where(s => s.Round == 1).ToList()),
            ($"2–{samples.Max(s => s.Round)} (replace)", samples.Where(s => s.Round > 1).ToList()),
        })
        {
            static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
            static double NsMs(long ns) => ns / 1e6;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {group.Count} | {Median(group.Select(s => (double)s.Calls.Count)):0} | {Stat(group.Select(s => Ms(s.WallTicks)))} | {Stat(group.Select(s => Ms(s.DbWallTicks)))} | {Stat(group.Select(s => Ms(s.ReplayWallTicks)))} | {Stat(group.Select(s => Ms(s.WallTicks - s.ReplayWallTicks)))} | {Stat(group.Select(s => Ms(s.WallTicks - s.DbWallTicks)))} | {Stat(group.Select(s => NsMs(s.CpuNs)))} | {Stat(group.Select(s => NsMs(s.ReplayCpuNs)))} | {Stat(group.Select(s => NsMs(s.CpuNs - s.ReplayCpuNs)))} | {Stat(group.Select(s => NsMs(s.CpuNs - s.DbCpuNs)))} | {Median(group.Select(s => (double)s.Bytes)) / 1024:0} KB |"));
        }

        if (System.Environment.GetEnvironmentVariable("CEDULE_BENCH_CSV") is { Length: > 0 } csv)
        {
            File.WriteAllLines(csv, samples.Select(s => string.Create(CultureInfo.InvariantCulture,
                $"{s.Round},{s.Id},{s.WallTicks * 1000.0 / Stopwatch.Frequency:0.000},{s.DbWallTicks * 1000.0 / Stopwatch.Frequency:0.000},{s.ReplayWallTicks * 1000.0 / Stopwatch.Frequency:0.000},{s.CpuNs / 1e6:0.000},{s.DbCpuNs / 1e6:0.000},{s.ReplayCpuNs / 1e6:0.000},{string.Join(' ', s.ReplayCallTicks.Select(t => (t * 1000.0 / Stopwatch.Frequency).ToString("0.000", CultureInfo.InvariantCulture)))}")));
        }

        var replaced = samples.Where(s => s.Round > 1).ToList();
        var first = replaced[0];
        log.WriteLine();
        log.WriteLine($"Calls of a replaced view, with the median wall time of each in place and replayed (ms, over {replaced.Count} nodes):");
        for (var i = 0; i < first.Calls.Count; i++)
        {
            var call = first.Calls[i];
            var same = replaced.Where(s => s.Calls.Count == first.Calls.Count).ToList();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Median(same.Select(s => s.Calls[i].WallTicks * 1000.0 / Stopwatch.Frequency)),6:0.000} {Median(same.Select(s => s.ReplayCallTicks[i] * 1000.0 / Stopwatch.Frequency)),6:0.000}  {call.Kind}{(call.Sql is null ? string.Empty : ": " + call.Sql.ReplaceLineEndings(" "))}"));
        }
    }

    private static string Stat(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{Percentile(sorted, 0.5):0.00} / {Percentile(sorted, 0.95):0.00}");
    }

    private static double Median(IEnumerable<double> values) => Percentile([.. values.Order()], 0.5);

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
