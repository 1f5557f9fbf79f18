using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Cedule.Bench;

/// <summary>
/// The combined table of one run: BenchmarkDotNet's medians for Cedule and Fluid beside the
/// Jinja2 peer's median, the ratios the goals are stated in, and what each render allocates
/// compared with its output. Written as Markdown, ready for <c>docs/benchmarks.md</c>.
/// </summary>
internal static class ComparisonReport
{
    private const double RenderVersusJinja2Goal = 10.0;
    private const double RenderVersusFluidGoal = 1.0;
    private const double ParseVersusFluidGoal = 2.0;

    // "No allocation per output character beyond the result buffer": rendering into a reused
    // buffer may allocate per render and per row, but well under a byte per output character.
    private const double ExtraBytesPerCharGoal = 0.1;

    private sealed record Measure(double MedianNs, long? AllocatedBytes);

    public static string Build(
        Summary summary,
        Dictionary<(string Template, string Method), PairedTiming> paired,
        PeerReport peer,
        IReadOnlyDictionary<string, int> outputLengths)
    {
        var measures = new Dictionary<(string Template, string Method), Measure>();
        foreach (var report in summary.Reports)
        {
            if (report.ResultStatistics is null)
            {
                continue;
            }

            var template = (string)report.BenchmarkCase.Parameters["Template"];
            var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            measures[(template, method)] = new Measure(
                report.ResultStatistics.Median,
                report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase));
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Medians in µs per operation; Jinja2 {peer.Jinja2Version} on CPython {peer.PythonVersion} (its minimum in parentheses).");
        text.AppendLine();
        text.AppendLine("| Template | Operation | Cedule | Fluid | Jinja2 | Jinja2 / Cedule | Cedule / Fluid | Goal |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var name in Workload.Names)
        {
            foreach (var operation in new[] { "Parse", "Render" })
            {
                var cedule = Find(measures, name, operation + "_Cedule");
                var fluid = Find(measures, name, operation + "_Fluid");
                PeerTiming? jinja2 = null;
                if (peer.Templates.TryGetValue(name, out var peerTemplate))
                {
                    jinja2 = operation == "Parse" ? peerTemplate.Parse : peerTemplate.Render;
                }

                var versusJinja2 = cedule is not null && jinja2 is not null ? jinja2.MedianMicroseconds * 1000 / cedule.MedianNs : (double?)null;
                var versusFluid = cedule is not null && fluid is not null ? cedule.MedianNs / fluid.MedianNs : (double?)null;
                text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {operation.ToLowerInvariant()} | {Micro(cedule?.MedianNs)} | {Micro(fluid?.MedianNs)} | {Peer(jinja2)} | {Ratio(versusJinja2)} | {Ratio(versusFluid)} | {Goal(operation, versusJinja2, versusFluid)} |");
            }
        }

        text.AppendLine();
        text.AppendLine("Cross-check in CPU time (the thread's CPU time per operation, median of rounds in which Cedule and Fluid alternate; Jinja2's from the same clock): wall-clock figures on a busy machine include time spent waiting for a core.");
        text.AppendLine();
        text.AppendLine("| Template | Operation | Cedule CPU | Fluid CPU | Jinja2 CPU | Jinja2 / Cedule | Cedule / Fluid |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var name in Workload.Names)
        {
            foreach (var operation in new[] { "Parse", "Render" })
            {
                var cedule = paired.GetValueOrDefault((name, operation + "_Cedule"));
                var fluid = paired.GetValueOrDefault((name, operation + "_Fluid"));
                double? jinja2 = null;
                if (peer.Templates.TryGetValue(name, out var peerTemplate))
                {
                    jinja2 = (operation == "Parse" ? peerTemplate.Parse : peerTemplate.Render).CpuMedianMicroseconds;
                }

                var versusJinja2 = cedule is not null && jinja2 is not null ? jinja2 / cedule.CpuMedianMicroseconds : null;
                var versusFluid = cedule is not null && fluid is not null ? cedule.CpuMedianMicroseconds / fluid.CpuMedianMicroseconds : (double?)null;
                text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {operation.ToLowerInvariant()} | {Micro(cedule?.CpuMedianMicroseconds * 1000)} | {Micro(fluid?.CpuMedianMicroseconds * 1000)} | {Micro(jinja2 * 1000)} | {Ratio(versusJinja2)} | {Ratio(versusFluid)} |");
            }
        }

        text.AppendLine();
        text.AppendLine("Allocated bytes per render (BenchmarkDotNet's memory diagnoser). The result string alone is 2 bytes per output character; \"into a reused buffer\" renders into a buffer kept across renders, so it counts everything allocated beyond the result buffer.");
        text.AppendLine();
        text.AppendLine("| Template | Output chars | Result string | Cedule render | Cedule into reused buffer | Cedule extra B / output char | Fluid render | Fluid into reused buffer | Fluid extra B / output char | Goal |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var name in Workload.Names)
        {
            var length = outputLengths[name];
            var cedule = Find(measures, name, "Render_Cedule");
            var ceduleReused = Find(measures, name, "RenderReused_Cedule");
            var fluid = Find(measures, name, "Render_Fluid");
            var fluidReused = Find(measures, name, "RenderReused_Fluid");
            var ceduleExtra = PerChar(ceduleReused?.AllocatedBytes, length);
            var fluidExtra = PerChar(fluidReused?.AllocatedBytes, length);
            var goal = ceduleExtra is null ? "n/a" : ceduleExtra <= ExtraBytesPerCharGoal ? "met" : "missed";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {length:N0} | {Bytes(2L * length)} | {Bytes(cedule?.AllocatedBytes)} | {Bytes(ceduleReused?.AllocatedBytes)} | {Number(ceduleExtra)} | {Bytes(fluid?.AllocatedBytes)} | {Bytes(fluidReused?.AllocatedBytes)} | {Number(fluidExtra)} | {goal} |");
        }

        return text.ToString();
    }

    private static Measure? Find(Dictionary<(string, string), Measure> measures, string template, string method) =>
        measures.TryGetValue((template, method), out var measure) ? measure : null;

    private static string Goal(string operation, double? versusJinja2, double? versusFluid)
    {
        if (operation == "Parse")
        {
            return versusFluid is null ? "n/a"
                : versusFluid <= ParseVersusFluidGoal ? $"≤ {ParseVersusFluidGoal:0}× Fluid: met"
                : $"≤ {ParseVersusFluidGoal:0}× Fluid: missed ({versusFluid / ParseVersusFluidGoal:0.00}× too slow)";
        }

        var jinja2 = versusJinja2 is null ? "≥ 10× Jinja2: n/a"
            : versusJinja2 >= RenderVersusJinja2Goal ? "≥ 10× Jinja2: met"
            : $"≥ 10× Jinja2: missed (needs {RenderVersusJinja2Goal / versusJinja2:0.00}× faster)";
        var fluid = versusFluid is null ? "≤ Fluid: n/a"
            : versusFluid <= RenderVersusFluidGoal ? "≤ Fluid: met"
            : $"≤ Fluid: missed (needs {versusFluid:0.00}× faster)";
        return string.Create(CultureInfo.InvariantCulture, $"{jinja2}; {fluid}");
    }

    private static double? PerChar(long? bytes, int length) => bytes is null || length == 0 ? null : (double)bytes / length;

    private static string Micro(double? nanoseconds) => nanoseconds is null ? "n/a"
        : (nanoseconds / 1000).Value.ToString(nanoseconds < 10_000 ? "0.00" : "N0", CultureInfo.InvariantCulture) + " µs";

    private static string Peer(PeerTiming? timing) => timing is null ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{Micro(timing.MedianMicroseconds * 1000)} ({Micro(timing.MinMicroseconds * 1000)})");

    private static string Ratio(double? ratio) => ratio is null ? "n/a"
        : "×" + ratio.Value.ToString(ratio < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is null ? "n/a" : value.Value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Bytes(long? bytes) => bytes is null ? "n/a" : bytes.Value.ToString("N0", CultureInfo.InvariantCulture) + " B";
}
