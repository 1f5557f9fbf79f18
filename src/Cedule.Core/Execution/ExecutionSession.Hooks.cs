using System.Text;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Execution.Runtime;
using Cedule.Core.Manifest;
using Cedule.Jinja;
using Cedule.Jinja.Values;
using ProjectFile = Cedule.Core.Project.ProjectFile;

namespace Cedule.Core.Execution;

public sealed partial class ExecutionSession
{
    /// <summary>
    /// Runs the <c>on-run-start</c> or <c>on-run-end</c> hooks of every package, as dbt orders them:
    /// packages by name, the root project last, each package's hooks in written order. Each hook is
    /// rendered with the run-time context (on-run-end also sees <c>results</c>, <c>schemas</c> and
    /// <c>database_schemas</c>) and committed on its own. Returns one result per hook that ran; the
    /// first failing hook ends the list.
    /// </summary>
    /// <param name="hookType"><c>on-run-start</c> or <c>on-run-end</c>.</param>
    /// <param name="connection">The connection to run them on.</param>
    /// <param name="results">For on-run-end: the results of the run's nodes.</param>
    /// <param name="log">Receives the hooks' log lines.</param>
    /// <param name="cancellationToken">Cancels the running statement.</param>
    public IReadOnlyList<NodeResult> RunProjectHooks(
        string hookType, IDatabaseConnection connection, IReadOnlyList<NodeResult>? results = null, Action<LogLine>? log = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var outcomes = new List<NodeResult>();
        var extra = hookType == "on-run-end" ? OnRunEndContext(results ?? []) : null;
        foreach (var node in HookNodes(hookType))
        {
            var started = Time.GetUtcNow();
            var run = new NodeRun(this, node, connection, log, cancellationToken);
            try
            {
                var context = new RunContext(run);
                var output = new StringBuilder();
                Environment.FromString(node.RawCode, node.OriginalFilePath).RenderTo(output, extra, context.Resolver, cancellationToken);
                var sql = output.ToString().Trim();
                run.CompiledSql = sql;
                var response = sql.Length == 0 ? null : context.Adapter.ExecuteSql(sql, autoBegin: false, fetch: false).Response;
                if (connection.InTransaction)
                {
                    connection.Commit();
                }

                outcomes.Add(Result(node, NodeStatus.Success, sql, response?.Message ?? "OK", null) with { StartedAt = started, CompletedAt = Time.GetUtcNow() });
            }
            catch (Exception e) when (e is TemplateException or DatabaseException)
            {
                RollbackQuietly(connection);
                run.Log("error", Describe(e));
                outcomes.Add(Failed(node, run, e, started));
                break;
            }
        }

        return outcomes;
    }

    /// <summary>The project hooks as dbt names them: <c>operation.&lt;package&gt;.&lt;package&gt;-on-run-start-&lt;index&gt;</c>.</summary>
    internal IEnumerable<ManifestNode> HookNodes(string hookType)
    {
        var root = Parse.Root.Name;
        foreach (var (name, project) in Project.Projects.OrderBy(p => p.Key == root).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var hooks = hookType == "on-run-start" ? project.OnRunStart : project.OnRunEnd;
            for (var i = 0; i < hooks.Count; i++)
            {
                var hookName = $"{name}-{hookType}-{i}";
                yield return new ManifestNode
                {
                    UniqueId = $"operation.{name}.{hookName}",
                    ResourceType = "operation",
                    PackageName = name,
                    Name = hookName,
                    Path = $"hooks/{hookName}.sql",
                    OriginalFilePath = name == root ? ProjectFile.FileName : $"{Parse.Root.PackagesInstallPath}/{name}/{ProjectFile.FileName}",
                    Fqn = [name, "hooks", hookName],
                    RawCode = hooks[i],
                };
            }
        }
    }

    private Dictionary<string, object?> OnRunEndContext(IReadOnlyList<NodeResult> results)
    {
        var resultObjects = new List<object?>();
        var schemas = new List<object?>();
        var databaseSchemas = new List<object?>();
        foreach (var result in results)
        {
            var node = _nodes.GetValueOrDefault(result.UniqueId);
            resultObjects.Add(new PyDict
            {
                ["node"] = node is null ? null : NodeDict(node),
                ["status"] = RunResultsWriter.StatusName(result.Status),
                ["message"] = result.Message,
                ["execution_time"] = result.ExecutionTime.TotalSeconds,
                ["failures"] = result.Failures,
                ["adapter_response"] = new PyDict { ["_message"] = result.AdapterMessage, ["rows_affected"] = result.RowsAffected },
            });
            if (node is not null && result.Status != NodeStatus.Skipped && node.ResourceType is "model" or "seed" or "snapshot")
            {
                var schema = node.Schema ?? Target.Schema;
                if (!schemas.Contains(schema))
                {
                    schemas.Add(schema);
                    databaseSchemas.Add(new PyTuple([node.Database ?? Target.Database, schema]));
                }
            }
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["results"] = resultObjects,
            ["schemas"] = schemas,
            ["database_schemas"] = databaseSchemas,
        };
    }
}
