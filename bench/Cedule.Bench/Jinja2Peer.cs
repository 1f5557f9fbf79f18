using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Cedule.Bench;

/// <summary>Per-operation timings of the real Jinja2, measured in-process by <c>jinja2_peer.py</c>.</summary>
internal sealed record PeerTiming(
    double MedianMicroseconds,
    double MinMicroseconds,
    double CpuMedianMicroseconds,
    double CpuMinMicroseconds,
    int Rounds,
    int OpsPerRound);

/// <summary>What the Jinja2 peer reported for one template.</summary>
internal sealed record PeerTemplate(int OutputLength, PeerTiming Parse, PeerTiming Render);

/// <summary>The whole report of one peer run.</summary>
internal sealed record PeerReport(string Jinja2Version, string PythonVersion, IReadOnlyDictionary<string, PeerTemplate> Templates);

/// <summary>
/// Launches <c>jinja2_peer.py</c> with the Debian interpreter (the one that carries Jinja2 3.1;
/// the pyenv <c>python3</c> on PATH does not), waits for it and reads its JSON.
/// </summary>
internal static class Jinja2Peer
{
    public static PeerReport Run(string python, double seconds, int rounds, string? outputDirectory)
    {
        var arguments = new List<string>
        {
            BenchFiles.PeerScript,
            "--seconds", seconds.ToString(CultureInfo.InvariantCulture),
            "--rounds", rounds.ToString(CultureInfo.InvariantCulture),
        };
        if (outputDirectory is not null)
        {
            arguments.Add("--out");
            arguments.Add(outputDirectory);
        }

        var json = RunScript(python, arguments);
        return Parse(json);
    }

    /// <summary>Renders each template once with Jinja2 (no timing) and returns the outputs.</summary>
    public static IReadOnlyDictionary<string, string> RenderOnce(string python)
    {
        var directory = Directory.CreateTempSubdirectory("cedule-bench-");
        try
        {
            RunScript(python, [BenchFiles.PeerScript, "--render-only", "--out", directory.FullName]);
            return Workload.Names.ToDictionary(
                name => name,
                name => File.ReadAllText(Path.Combine(directory.FullName, name + ".jinja2.txt")),
                StringComparer.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string RunScript(string python, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{python} {BenchFiles.PeerScript} exited with {process.ExitCode}:{System.Environment.NewLine}{stderr.Result}");
        }

        return stdout;
    }

    private static PeerReport Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var templates = new Dictionary<string, PeerTemplate>(StringComparer.Ordinal);
        foreach (var template in root.GetProperty("templates").EnumerateObject())
        {
            templates[template.Name] = new PeerTemplate(
                template.Value.GetProperty("output_length").GetInt32(),
                Timing(template.Value.GetProperty("parse")),
                Timing(template.Value.GetProperty("render")));
        }

        return new PeerReport(root.GetProperty("jinja2").GetString()!, root.GetProperty("python").GetString()!, templates);
    }

    private static PeerTiming Timing(JsonElement element) => new(
        element.GetProperty("median_us").GetDouble(),
        element.GetProperty("min_us").GetDouble(),
        element.GetProperty("cpu_median_us").GetDouble(),
        element.GetProperty("cpu_min_us").GetDouble(),
        element.GetProperty("rounds").GetInt32(),
        element.GetProperty("ops_per_round").GetInt32());
}
