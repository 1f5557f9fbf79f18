using System.Globalization;
using Cedule.Core.Execution;
using Cedule.Core.Manifest;

namespace Cedule.Cli.Commands;

/// <summary>
/// Prints a run as dbt does: one START and one result line per node with its index, status and
/// time, then a summary (counts by status, failures with their messages, the slowest nodes).
/// </summary>
internal sealed class RunReporter(TextWriter output, Core.Parsing.ParseResult project)
{
    /// <summary>On a terminal, a status line under the log shows what runs now; redirected output gets plain lines only.</summary>
    private readonly bool _live = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private int _finished;
    private int _failed;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ManifestNode> _nodes = project.EnabledNodes.ToDictionary(n => n.UniqueId, StringComparer.Ordinal);

    public void OnEvent(NodeEvent e)
    {
        var node = _nodes.GetValueOrDefault(e.UniqueId);
        var what = node is null ? e.UniqueId : Describe(node);
        string line;
        if (e.Started)
        {
            line = Pad($"{e.Index} of {e.Total} START {what}", "[RUN]");
        }
        else
        {
            var r = e.Result!;
            var status = r.Status switch
            {
                NodeStatus.Success => $"[{(string.IsNullOrEmpty(r.AdapterMessage) ? "OK" : r.AdapterMessage)} in {Seconds(r.ExecutionTime)}]",
                NodeStatus.Pass => $"[PASS in {Seconds(r.ExecutionTime)}]",
                NodeStatus.Warn => $"[WARN {r.Failures} in {Seconds(r.ExecutionTime)}]",
                NodeStatus.Fail => $"[FAIL {r.Failures} in {Seconds(r.ExecutionTime)}]",
                NodeStatus.Error => $"[ERROR in {Seconds(r.ExecutionTime)}]",
                _ => "[SKIP]",
            };
            var verb = r.Status switch
            {
                NodeStatus.Success => "OK",
                NodeStatus.Pass => "PASS",
                NodeStatus.Warn => "WARN",
                NodeStatus.Fail => "FAIL",
                NodeStatus.Error => "ERROR",
                _ => "SKIP",
            };
            line = Pad($"{e.Index} of {e.Total} {verb} {what}", status);
        }

        lock (_lock)
        {
            if (e.Started)
            {
                _running.Add(e.UniqueId);
            }
            else
            {
                _running.Remove(e.UniqueId);
                _finished++;
                _failed += e.Result!.IsFailure ? 1 : 0;
            }

            if (_live)
            {
                output.Write("\r\u001b[2K");
            }

            output.WriteLine(line);
            if (_live)
            {
                var names = string.Join(", ", _running.Select(id => id[(id.LastIndexOf('.') + 1)..]).Take(4));
                var status = string.Create(CultureInfo.InvariantCulture, $"[{_finished}/{e.Total} done, {_failed} failed] running: {names}");
                output.Write(status.Length > Math.Max(20, SafeWidth() - 1) ? status[..(SafeWidth() - 2)] + "…" : status);
            }
        }
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 100;
        }
        catch (IOException)
        {
            return 100;
        }
    }

    /// <summary>A node's <c>log(..., info=True)</c> and <c>print()</c> lines reach the console, as in dbt; debug lines only the log file.</summary>
    public void OnLog(LogLine line)
    {
        if (line.Level is not ("info" or "warn"))
        {
            return;
        }

        lock (_lock)
        {
            if (_live)
            {
                output.Write("\r\u001b[2K");
            }

            output.WriteLine(line.Level == "warn" ? "Warning: " + line.Message : line.Message);
        }
    }

    public void Summary(RunOutcome outcome)
    {
        if (_live)
        {
            output.Write("\r\u001b[2K");
        }

        var counts = outcome.Results.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        int Count(NodeStatus status) => counts.GetValueOrDefault(status);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Finished running {outcome.Results.Count} node(s) in {Seconds(outcome.Elapsed)}."));
        foreach (var failure in outcome.Results.Where(r => r.IsFailure || r.Status == NodeStatus.Warn))
        {
            output.WriteLine();
            output.WriteLine($"{(failure.Status == NodeStatus.Warn ? "Warning" : "Failure")} in {failure.UniqueId}" +
                (failure.ErrorLocation is { } location ? $" ({location})" : string.Empty));
            output.WriteLine("  " + (failure.Message ?? string.Empty).Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        var slowest = outcome.Results.Where(r => r.Status != NodeStatus.Skipped).OrderByDescending(r => r.ExecutionTime).Take(5).ToList();
        if (slowest.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Slowest nodes:");
            foreach (var r in slowest)
            {
                output.WriteLine($"  {Seconds(r.ExecutionTime),8}  {r.UniqueId}");
            }
        }

        output.WriteLine();
        output.WriteLine(outcome.Cancelled ? "Cancelled." : outcome.HasFailures ? "Completed with errors." : "Completed successfully.");
        var skipped = Count(NodeStatus.Skipped);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done. PASS={Count(NodeStatus.Success) + Count(NodeStatus.Pass)} WARN={Count(NodeStatus.Warn)} ERROR={Count(NodeStatus.Error) + Count(NodeStatus.Fail)} SKIP={skipped} TOTAL={outcome.Results.Count}"));
    }

    private static string Describe(ManifestNode node)
    {
        var relation = string.Join('.', new[] { node.Schema, node.Alias ?? node.Name }.Where(p => !string.IsNullOrEmpty(p)));
        return node.ResourceType switch
        {
            "model" => $"sql {node.Materialized ?? "view"} model {relation}",
            "seed" => $"seed file {relation}",
            "snapshot" => $"snapshot {relation}",
            "test" => $"test {node.Name}",
            _ => node.UniqueId,
        };
    }

    private static string Pad(string left, string right)
    {
        const int width = 80;
        var dots = Math.Max(3, width - left.Length - right.Length - 2);
        return $"{left} {new string('.', dots)} {right}";
    }

    private static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.00}s");
}
