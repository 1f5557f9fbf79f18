using System.Globalization;

namespace Cedule.Bench;

/// <summary>The command line of the benchmark program.</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        usage: Cedule.Bench jinja [options]
          --quick            a short BenchmarkDotNet job and short Jinja2 rounds (smoke run)
          --verify           only check that Cedule renders what Jinja2 renders (and Fluid the same text)
          --no-peer          skip the Jinja2 timings
          --python PATH      the interpreter that has Jinja2 3.1 (default /usr/bin/python3)
          --profile NAME     sample Cedule's parse and render of rows or model and print the hottest methods
          --seconds N        how long --profile samples each operation (default 10)
        """;

    public bool Quick { get; private set; }

    public bool VerifyOnly { get; private set; }

    public bool NoPeer { get; private set; }

    public string Python { get; private set; } = "/usr/bin/python3";

    public string? Profile { get; private set; }

    public double ProfileSeconds { get; private set; } = 10;

    public double PeerSeconds => Quick ? 0.5 : 2.0;

    public int PeerRounds => Quick ? 3 : 5;

    public double PairedSeconds => Quick ? 0.25 : 1.0;

    public int PairedRounds => Quick ? 3 : 5;

    public static BenchOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "jinja")
        {
            return null;
        }

        var options = new BenchOptions();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    options.Quick = true;
                    break;
                case "--verify":
                    options.VerifyOnly = true;
                    break;
                case "--no-peer":
                    options.NoPeer = true;
                    break;
                case "--python" when i + 1 < args.Length:
                    options.Python = args[++i];
                    break;
                case "--profile" when i + 1 < args.Length && Workload.Names.Contains(args[i + 1]):
                    options.Profile = args[++i];
                    break;
                case "--seconds" when i + 1 < args.Length:
                    options.ProfileSeconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    return null;
            }
        }

        return options;
    }

    /// <summary>The 1-, 5- and 15-minute load averages, to tell a quiet machine from a busy one.</summary>
    public static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(", ", fields.Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
