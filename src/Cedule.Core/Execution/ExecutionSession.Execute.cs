using Cedule.Core.Diagnostics;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Execution.Runtime;
using Cedule.Core.Manifest;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution;

public sealed partial class ExecutionSession
{
    /// <summary>
    /// Runs one node on <paramref name="connection"/>: compiles it with the run-time context, then
    /// materializes a model, loads a seed, builds a snapshot or runs a test. Never throws for a
    /// failure of the node itself (template error, database error): that is a result with status
    /// <see cref="NodeStatus.Error"/>. Throws <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> fires (the running statement is cancelled and the open
    /// transaction rolled back, so nothing half-written is committed).
    /// </summary>
    public NodeResult Execute(string uniqueId, IDatabaseConnection connection, Action<LogLine>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!_nodes.TryGetValue(uniqueId, out var node))
        {
            throw new ArgumentException($"no enabled node {uniqueId} in this project", nameof(uniqueId));
        }

        var started = Time.GetUtcNow();
        var run = new NodeRun(this, node, connection, log, cancellationToken);
        try
        {
            var result = node.ResourceType switch
            {
                "test" => RunTest(run),
                "seed" => RunSeed(run),
                "model" or "snapshot" => Materialize(run),
                _ => throw new ArgumentException($"{uniqueId} is a {node.ResourceType}: only models, seeds, snapshots and tests run", nameof(uniqueId)),
            };
            if (connection.InTransaction)
            {
                connection.Commit();
            }

            WriteRunFile(node, run);
            return result with { StartedAt = started, CompletedAt = Time.GetUtcNow() };
        }
        catch (Exception e) when (e is TemplateException or DatabaseException or ProjectException)
        {
            RollbackQuietly(connection);
            ForgetSchemaOf(node);
            run.Log("error", Mask(Describe(e)));
            return Failed(node, run, e, started);
        }
        catch (OperationCanceledException)
        {
            RollbackQuietly(connection);
            ForgetSchemaOf(node);
            throw;
        }
        finally
        {
            // After the commit or the rollback: the next attempt sees the finished relation.
            ProcessRelationLocks.Release(run.HeldLocks);
        }
    }

    /// <summary>
    /// Compiles one node to SQL with the run-time context (<c>execute</c> true; compile-time queries
    /// run on <paramref name="connection"/> when given) and injects its ephemeral models as CTEs.
    /// </summary>
    /// <exception cref="TemplateException">The template failed; the exception carries its location.</exception>
    public string Compile(string uniqueId, IDatabaseConnection? connection, Action<LogLine>? log = null, CancellationToken cancellationToken = default)
    {
        if (!_nodes.TryGetValue(uniqueId, out var node))
        {
            throw new ArgumentException($"no enabled node {uniqueId} in this project", nameof(uniqueId));
        }

        var run = new NodeRun(this, node, connection, log, cancellationToken);
        var sql = CompileNode(run);
        WriteCompiledFile(node, sql);
        return sql;
    }

    private NodeResult Materialize(NodeRun run)
    {
        var node = run.Node;
        var sql = CompileNode(run);
        WriteCompiledFile(node, sql);
        if (node.Materialized == "ephemeral")
        {
            return Result(node, NodeStatus.Success, sql, "ephemeral: compiled only", null);
        }

        run.CompiledSql = sql;
        var materialized = node.ResourceType == "snapshot" ? "snapshot" : node.Materialized ?? "view";
        CallMaterialization(run, materialized);
        var main = MainResponse(run);
        return Result(node, NodeStatus.Success, sql, main?.Message ?? "OK", main?.RowsAffected is >= 0 ? main.RowsAffected : null);
    }

    private NodeResult RunTest(NodeRun run)
    {
        var node = run.Node;
        var sql = CompileNode(run);
        WriteCompiledFile(node, sql);
        run.CompiledSql = sql;
        CallMaterialization(run, "test");
        if (!run.Results.TryGetValue("main", out var main) || main["table"] is not AgateTable table || table.Table.Rows.Count == 0)
        {
            throw new TemplateException(ErrorKind.HostError, "the test materialization stored no 'main' result with failures, should_warn, should_error");
        }

        var row = table.Table.Rows[0];
        var failures = Convert.ToInt64(row[0] ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        var shouldWarn = Truthy(row.Length > 1 ? row[1] : failures != 0);
        var shouldError = Truthy(row.Length > 2 ? row[2] : failures != 0);
        var severity = node.Config.TryGetValue("severity", out var s) && s is not null ? PyOps.ToStr(s) : "error";
        var status = string.Equals(severity, "error", StringComparison.OrdinalIgnoreCase) && shouldError ? NodeStatus.Fail
            : shouldWarn ? NodeStatus.Warn
            : NodeStatus.Pass;
        var message = status switch
        {
            NodeStatus.Fail => $"Got {failures} result{(failures == 1 ? string.Empty : "s")}, configured to fail if {Config(node, "error_if", "!= 0")}",
            NodeStatus.Warn => $"Got {failures} result{(failures == 1 ? string.Empty : "s")}, configured to warn if {Config(node, "warn_if", "!= 0")}",
            _ => null,
        };

        return Result(node, status, sql, MainResponse(run)?.Message ?? "OK", failures) with { Failures = failures, Message = message };
    }

    private static string Config(ManifestNode node, string key, string fallback) =>
        node.Config.TryGetValue(key, out var value) && value is not null ? PyOps.ToStr(value) : fallback;

    private static bool Truthy(object? value) => value switch
    {
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        decimal m => m != 0,
        string s => s is "true" or "True" or "1",
        null => false,
        _ => PyOps.IsTrue(value),
    };

    private static AdapterResponse? MainResponse(NodeRun run) =>
        run.Results.TryGetValue("main", out var main) && main["response"] is ResponseObject response ? response.Response : null;

    private NodeResult Result(ManifestNode node, NodeStatus status, string? sql, string? adapterMessage, long? rows) => new()
    {
        UniqueId = node.UniqueId,
        Status = status,
        CompiledSql = sql is null ? null : Mask(sql),
        AdapterMessage = adapterMessage is null ? null : Mask(adapterMessage),
        RowsAffected = rows,
    };

    private NodeResult Failed(ManifestNode node, NodeRun run, Exception e, DateTimeOffset started) => new()
    {
        UniqueId = node.UniqueId,
        Status = NodeStatus.Error,
        StartedAt = started,
        CompletedAt = Time.GetUtcNow(),
        CompiledSql = run.CompiledSql is null ? null : Mask(run.CompiledSql),
        Message = Mask(Describe(e)),
        ErrorLocation = e is TemplateException { HasLocation: true } t
            ? new SourceLocation(t.TemplateName ?? node.OriginalFilePath, t.Line, t.Column)
            : e is ProjectException p ? p.Diagnostics[0].Location : SourceLocation.InFile(node.OriginalFilePath),
        IsTransient = e is DatabaseException { IsTransient: true },
    };

    private static string Describe(Exception e) => e switch
    {
        TemplateException t => t.Message,
        DatabaseException d => "Database Error: " + d.Message,
        _ => e.Message,
    };

    /// <summary>A rolled-back transaction undid the drops and renames the cache recorded: ask the database again.</summary>
    private void ForgetSchemaOf(ManifestNode node) => Relations.Forget(node.Database ?? Target.Database, node.Schema ?? Target.Schema);

    private static void RollbackQuietly(IDatabaseConnection connection)
    {
        try
        {
            connection.Rollback();
        }
        catch (DatabaseException)
        {
            // The connection is already broken: the error being reported says why.
        }
    }

    /// <summary>Calls the materialization macro and checks it returned dbt's <c>{'relations': [...]}</c>.</summary>
    private void CallMaterialization(NodeRun run, string name)
    {
        var macro = CachedMaterialization(name)
            ?? throw new TemplateException(ErrorKind.HostError,
                $"no materialization '{name}' for adapter '{Target.Type}' (searched materialization_{name}_{string.Join(", materialization_" + name + "_", Target.AdapterChain.Append("default"))})");
        object? returned = null;
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["__cedule_materialization"] = macro,

            // dbt creates the schemas of the selected nodes before running them, so a custom
            // materialization can assume its schema exists; once per schema and session here,
            // because an agent runs nodes one by one.
            ["__cedule_create_schema"] = name != "test" && run.Node.ResourceType != "test",
            ["__cedule_capture"] = new JinjaFunction("capture", (_, args) =>
            {
                returned = args.Get(0, "value");
                return string.Empty;
            }),
        };
        var context = new RunContext(run);
        CallTemplate.RenderTo(new System.Text.StringBuilder(), vars, context.Resolver, run.CancellationToken);
        if (returned is not PyDict dict || !dict.ContainsKey("relations"))
        {
            throw new TemplateException(ErrorKind.HostError,
                $"materialization '{name}' must end with {{{{ return({{'relations': [...]}}) }}}}; it returned {PyOps.Repr(returned)}");
        }
    }

    private Template CallTemplate => _callTemplate ??= Environment.FromString(
        "{% if __cedule_create_schema %}{% do adapter.create_schema(this) %}{% endif %}{% do __cedule_capture(__cedule_materialization()) %}", "<materialization>");

    private Template? _callTemplate;

    /// <summary>dbt's order: the most specific adapter first, then default; within one, the root project, the other packages, then Cedule's own.</summary>
    private IJinjaCallable? FindMaterialization(string name)
    {
        var packages = new List<string> { Parse.Root.Name };
        packages.AddRange(Project.Packages.Where(p => p != Parse.Root.Name).Order(StringComparer.Ordinal));
        packages.Add(Parsing.MacroRegistry.InternalPackage);
        foreach (var adapter in Target.AdapterChain.Append("default"))
        {
            foreach (var package in packages)
            {
                if (Project.Macros.Of(package).TryGetValue($"materialization_{name}_{adapter}", out var macro))
                {
                    return macro;
                }
            }
        }

        return null;
    }
}
