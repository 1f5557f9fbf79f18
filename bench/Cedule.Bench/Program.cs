using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cedule.Bench;

// dotnet run -c Release --project bench/Cedule.Bench -- engine [--views N] [--rounds N] [--no-target] [--profile [--seconds N]]
// dotnet run -c Release --project bench/Cedule.Bench -- jinja [--quick] [--verify] [--no-peer] [--python PATH]
//                                                            [--profile rows|model [--seconds N]]
// See bench/README.md.
// Every figure is printed the same way whatever the machine's culture.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length > 0 && args[0] == "engine")
{
    return Cedule.Bench.Engine.EngineBench.Run(args[1..], Console.Out);
}

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

Console.WriteLine($"Cedule.Bench: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {System.Environment.ProcessorCount} cores, load average {BenchOptions.LoadAverage()}");
if (!OutputCheck.Run(options.Python, Console.Out))
{
    Console.Error.WriteLine("Outputs differ: fix the engine or the templates before timing them.");
    return 1;
}

if (options.VerifyOnly)
{
    return 0;
}

if (options.Profile is not null)
{
    return CpuProfile.Run(options.Profile, options.ProfileSeconds, Console.Out);
}

// In-process: BenchmarkDotNet's default toolchain would build a generated project in the source
// tree (src/*/obj), which other builds in this shared working tree use at the same time.
var job = (options.Quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(job)
    .AddColumn(StatisticColumn.Median, StatisticColumn.Min);
var summary = BenchmarkRunner.Run<JinjaBenchmarks>(config);

Console.WriteLine($"Paired CPU-time run ({options.PairedSeconds.ToString(CultureInfo.InvariantCulture)} s × {options.PairedRounds} rounds per measurement)");
var paired = PairedCpuRun.Run(options.PairedSeconds, options.PairedRounds, Console.Out);

var lengths = Workload.Names.ToDictionary(name => name, name => Workload.Get(name).RenderCedule().Length, StringComparer.Ordinal);
PeerReport peer;
if (options.NoPeer)
{
    peer = new PeerReport("(not run)", "(not run)", new Dictionary<string, PeerTemplate>(StringComparer.Ordinal));
}
else
{
    Console.WriteLine($"Jinja2 peer: {options.Python} {BenchFiles.PeerScript} ({options.PeerSeconds.ToString(CultureInfo.InvariantCulture)} s × {options.PeerRounds} rounds per measurement)");
    peer = Jinja2Peer.Run(options.Python, options.PeerSeconds, options.PeerRounds, null);
}

var table = ComparisonReport.Build(summary, paired, peer, lengths);
var resultPath = Path.Combine(summary.ResultsDirectoryPath, "jinja-comparison.md");
var header = string.Create(
    CultureInfo.InvariantCulture,
    $"Run {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {(options.Quick ? "quick (ShortRun)" : "default")} job, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {System.Environment.ProcessorCount} cores, load average after the run {BenchOptions.LoadAverage()}.{System.Environment.NewLine}{System.Environment.NewLine}");
File.WriteAllText(resultPath, header + table);
Console.WriteLine();
Console.WriteLine(header + table);
Console.WriteLine($"Written to {resultPath}");
return 0;
