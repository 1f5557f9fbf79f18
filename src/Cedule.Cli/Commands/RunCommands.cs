using System.CommandLine;
using System.Globalization;
using Cedule.Core.Execution;
using Cedule.Core.Graph;
using Cedule.Core.Manifest;

namespace Cedule.Cli.Commands;

/// <summary>
/// <c>cedule compile | run | test | seed | snapshot | build</c>: the engine on a project folder
/// against the profile's database, as the dbt commands of the same names.
/// </summary>
internal static class RunCommands
{
    private sealed record Verb(string Name, string Description, NodeType[] ResourceTypes, bool TestsGateChildren, bool Executes);

    private static readonly Verb[] Verbs =
    [
        new("compile", "Compile the selected nodes to SQL under target/compiled/ (compile-time queries run against the target).", [NodeType.Model, NodeType.Test, NodeType.Snapshot, NodeType.Analysis], false, false),
        new("run", "Build the selected models.", [NodeType.Model], false, true),
        new("test", "Run the selected tests.", [NodeType.Test], false, true),
        new("seed", "Load the selected seeds (CSV files) into the database.", [NodeType.Seed], false, true),
        new("snapshot", "Build the selected snapshots.", [NodeType.Snapshot], false, true),
        new("build", "Seed, run, snapshot and test the selected nodes in graph order; a failing test skips what depends on its model.", [NodeType.Model, NodeType.Seed, NodeType.Snapshot, NodeType.Test], true, true),
    ];

    public static IEnumerable<Command> Create() => Verbs.Select(CreateCommand);

    private static Command CreateCommand(Verb verb)
    {
        var select = new Option<string[]>("--select", "-s") { Description = "Nodes to run (dbt selection syntax).", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude") { Description = "Nodes to leave out.", AllowMultipleArgumentsPerToken = true };
        var selector = new Option<string?>("--selector") { Description = "A selector of selectors.yml." };
        var threads = new Option<int?>("--threads") { Description = "Nodes run at once (default: the profile's threads)." };
        var fullRefresh = new Option<bool>("--full-refresh") { Description = "Rebuild incremental models and seeds from scratch." };
        var failFast = new Option<bool>("--fail-fast", "-x") { Description = "Stop at the first failure." };
        var command = new Command(verb.Name, verb.Description) { select, exclude, selector, threads, fullRefresh, failFast };
        ProjectLoading.AddOptions(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var loaded = ProjectLoading.LoadWithProfile(parse, stderr, cancellationToken);
            if (loaded is null)
            {
                return CeduleCommand.UsageError;
            }

            var (result, directory, profile) = loaded.Value;
            var dag = ProjectGraph.Build(result);
            var selection = ProjectLoading.Select(ProjectLoading.Selectors(parse, directory, profile.Facts), result, dag, parse.GetValue(select) ?? [], parse.GetValue(exclude) ?? [], parse.GetValue(selector), verb.ResourceTypes, stderr);
            if (selection is null)
            {
                return CeduleCommand.UsageError;
            }

            // Ephemeral models are compiled into their users, never run on their own.
            var ephemeral = result.EnabledNodes.Where(n => n is { ResourceType: "model", Materialized: "ephemeral" }).Select(n => n.UniqueId).ToHashSet(StringComparer.Ordinal);
            var nodes = selection.Where(id => !ephemeral.Contains(id) || verb.Name == "compile").ToList();
            var targetPath = Path.Combine(directory, result.Root.TargetPath);
            Directory.CreateDirectory(targetPath);
            using (var manifest = File.Create(Path.Combine(targetPath, "manifest.json")))
            {
                // As dbt: every command leaves the manifest of the project it ran beside its results.
                ManifestWriter.Write(result, profile.Facts, manifest);
            }

            var options = new RunOptions
            {
                RunStartedAt = TimeProvider.System.GetUtcNow(),
                FullRefresh = parse.GetValue(fullRefresh),
                Which = verb.Name,
                SelectedResources = nodes,
                TargetPath = targetPath,
            };
            var session = new ExecutionSession(result, profile, Drivers.All.Get(profile.Facts.Type), options);
            using var log = RunLog.Open(Path.Combine(directory, "logs"), options.InvocationId);
            var reporter = new RunReporter(stdout, result);
            if (!verb.Executes)
            {
                return Compile(session, nodes, stdout, stderr, log, cancellationToken);
            }

            var plan = new RunPlan(dag, nodes, verb.TestsGateChildren);
            var degree = parse.GetValue(threads) ?? Math.Max(1, profile.Facts.Threads);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Running {plan.Nodes.Count} node(s) of {result.Root.Name} on {profile.Facts.Type} ({profile.Facts.Name}) with {degree} thread(s)"));
            var outcome = await new BuildRunner(session).RunAsync(plan, degree, parse.GetValue(failFast), reporter.OnEvent, (node, line) =>
            {
                log.Write(node, line);
                reporter.OnLog(line);
            }, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(targetPath);
            using (var stream = File.Create(Path.Combine(targetPath, "run_results.json")))
            {
                RunResultsWriter.Write(stream, outcome, options, TimeProvider.System.GetUtcNow(), new Dictionary<string, string?>
                {
                    ["which"] = verb.Name,
                    ["select"] = string.Join(' ', parse.GetValue(select) ?? []),
                    ["target"] = profile.Facts.Name,
                });
            }

            reporter.Summary(outcome);
            return outcome.HasFailures || outcome.Cancelled ? 1 : 0;
        });
        return command;
    }

    private static int Compile(ExecutionSession session, List<string> nodes, TextWriter stdout, TextWriter stderr, RunLog log, CancellationToken cancellationToken)
    {
        using var connection = session.OpenConnection(cancellationToken);
        var failed = 0;
        foreach (var id in nodes)
        {
            try
            {
                session.Compile(id, connection, line => log.Write(id, line), cancellationToken);
            }
            catch (Jinja.TemplateException e)
            {
                failed++;
                stderr.WriteLine($"{id}: {e.Message}");
            }
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Compiled {nodes.Count - failed} of {nodes.Count} node(s) into target/compiled/"));
        return failed == 0 ? 0 : 1;
    }
}
