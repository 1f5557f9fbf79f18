using System.Text;
using Cedule.Core.Context;
using Cedule.Core.Manifest;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution.Runtime;

/// <summary>
/// The dbt context a node sees when it runs (<c>execute</c> is true): <c>ref</c> and <c>source</c>
/// resolve to the relations the project builds, <c>config.get</c> reads the resolved config,
/// <c>adapter</c> and <c>run_query</c> reach the database, statement results are kept for
/// <c>load_result</c>. One instance per node execution.
/// </summary>
internal sealed class RunContext
{
    private readonly NodeRun _run;
    private readonly Dictionary<string, object?> _cache = new(StringComparer.Ordinal);
    private RuntimeAdapter? _adapter;
    private Seeds.SeedData? _seed;

    public RunContext(NodeRun run) => _run = run;

    public VariableResolver Resolver => TryResolve;

    public RuntimeAdapter Adapter => _adapter ??= new RuntimeAdapter(_run);

    private ExecutionSession Session => _run.Session;

    private Seeds.SeedData Seed => _seed ??= Session.ReadSeed(_run);

    private ProjectContext Project => _run.Session.Project;

    private ManifestNode Node => _run.Node;

    private bool TryResolve(string name, out object? value)
    {
        if (_cache.TryGetValue(name, out value))
        {
            return true;
        }

        switch (name)
        {
            // Not cached: the materialization sets them after the model's SQL is compiled.
            case "sql" or "compiled_code" or "compiled_sql":
                value = _run.CompiledSql;
                return value is not null;
        }

        if (TryCreate(name, out value))
        {
            _cache[name] = value;
            return true;
        }

        if (Project.Macros.TryResolve(Node.PackageName, name, out var macro, out _))
        {
            value = macro;
            return true;
        }

        if (Project.Packages.Contains(name) || name == Parsing.MacroRegistry.InternalPackage)
        {
            value = new PackageNamespace(Project.Macros, name, []);
            _cache[name] = value;
            return true;
        }

        return Project.Shared.TryGetValue(name, out value);
    }

    private bool TryCreate(string name, out object? value)
    {
        value = name switch
        {
            "ref" => new JinjaFunction("ref", (_, args) => Ref(args)),
            "source" => new JinjaFunction("source", (_, args) => Source(args)),
            "config" => new RuntimeConfig(Node),
            "var" => Project.VarFunction(Node.PackageName),
            "this" => Session.RelationOf(Node),
            "model" => Session.NodeDict(Node),
            "is_incremental" => new JinjaFunction(name, (_, _) => IsIncremental()),
            "should_full_refresh" => new JinjaFunction(name, (_, _) => Session.ShouldFullRefresh(Node)),
            "execute" => true,
            "adapter" => Adapter,
            "graph" => Session.Graph,
            "selected_resources" => Session.Options.SelectedResources.Select(r => (object?)r).ToList(),
            "invocation_id" => Session.Options.InvocationId,
            "run_started_at" => new PyDateTime(Session.Options.RunStartedAt),
            "flags" => Session.Flags,
            "run_query" => new JinjaFunction(name, (_, args) => RunQuery(PyOps.ToStr(args.Get(0, "sql")))),
            "store_result" => new JinjaFunction(name, (_, args) => StoreResult(args)),
            "load_result" => new JinjaFunction(name, (_, args) => _run.Results.TryGetValue(PyOps.ToStr(args.Get(0, "name")), out var r) ? r : null),
            "log" => new JinjaFunction(name, (_, args) => Log(args)),
            "print" => new JinjaFunction(name, (_, args) => Log(args, "info")),
            "exceptions" => new ExceptionsNamespace(message => _run.Log("warn", message)),
            "api" => new ApiNamespace(Project.Quote),
            "render" => new JinjaFunction(name, (_, args) => Render(PyOps.ToStr(args.Get(0, "string")))),
            "pre_hooks" => Hooks("pre_hook"),
            "post_hooks" => Hooks("post_hook"),
            "database" => Node.Database ?? Project.Target.Database,
            "schema" => Node.Schema ?? Project.Target.Schema,
            "write" => new JinjaFunction(name, (_, _) => string.Empty),
            "cedule_seed_columns" => new JinjaFunction(name, (_, _) => ExecutionSession.SeedColumnNames(Seed)),
            "cedule_load_seed" => new JinjaFunction(name, (_, args) =>
                Session.LoadSeed(_run, Adapter, Seed, args.Get(0, "relation") as Relation ?? Session.RelationOf(Node), args.Get(1, "create", true) is true)),
            _ => null,
        };
        return value is not null;
    }

    private Relation Ref(Arguments args)
    {
        if (args.Count is < 1 or > 2)
        {
            throw new TemplateException(ErrorKind.TypeError, "ref() takes 1 or 2 positional arguments (a name, or a package and a name)");
        }

        var version = args.TryGetKeyword("version", out var v) ? v : args.TryGetKeyword("v", out var v2) ? v2 : null;
        var name = PyOps.ToStr(args.Positional[^1]);
        var package = args.Count == 2 ? PyOps.ToStr(args.Positional[0]) : null;
        var target = Session.ResolveRef(Node, package, name, version)
            ?? throw new TemplateException(ErrorKind.HostError, $"ref('{name}') names no enabled model, seed or snapshot");
        if (target.Materialized == "ephemeral" && target.ResourceType == "model")
        {
            if (!_run.EphemeralRefs.Contains(target))
            {
                _run.EphemeralRefs.Add(target);
            }

            return new Relation(null, null, ExecutionSession.CtePrefix + target.Name, Project.Quote, "cte");
        }

        return Session.RelationOf(target);
    }

    private Relation Source(Arguments args)
    {
        if (args.Count != 2)
        {
            throw new TemplateException(ErrorKind.TypeError, "source() takes exactly 2 arguments: the source name and the table name");
        }

        var source = PyOps.ToStr(args.Positional[0]);
        var table = PyOps.ToStr(args.Positional[1]);
        var node = Session.ResolveSource(source, table)
            ?? throw new TemplateException(ErrorKind.HostError, $"source('{source}', '{table}') is not defined in any property file");
        return Session.RelationOf(node);
    }

    private bool IsIncremental()
    {
        if (Node.Materialized != "incremental" || Session.ShouldFullRefresh(Node) || _run.Connection is null)
        {
            return false;
        }

        var relation = Session.RelationOf(Node);
        return Adapter.GetRelation(relation.Database, relation.Schema ?? Project.Target.Schema, relation.Identifier) is { Type: "table" };
    }

    private AgateTable? RunQuery(string sql)
    {
        var result = Adapter.ExecuteSql(sql, autoBegin: false, fetch: true);
        return result.Table is null ? null : new AgateTable(result.Table, text => _run.Log("info", text));
    }

    private string StoreResult(Arguments args)
    {
        var name = PyOps.ToStr(args.Get(0, "name"));
        var response = args.Get(1, "response");
        var table = args.Get(2, "agate_table");
        _run.Results[name] = new PyDict
        {
            ["response"] = response,
            ["data"] = table is AgateTable t ? t.Rows : new List<object?>(),
            ["table"] = table,
        };
        return string.Empty;
    }

    private string Log(Arguments args, string? level = null)
    {
        var info = args.Get(1, "info", false) is true;
        _run.Log(level ?? (info ? "info" : "debug"), PyOps.ToStr(args.Get(0, "msg")));
        return string.Empty;
    }

    private string Render(string template)
    {
        var output = new StringBuilder();
        Session.Environment.FromString(template, Node.OriginalFilePath).RenderTo(output, null, Resolver, _run.CancellationToken);
        return output.ToString();
    }

    /// <summary>dbt's hook objects: {sql, transaction, index}; a hook written as a dict may say transaction: false.</summary>
    private List<object?> Hooks(string key)
    {
        var hooks = new List<object?>();
        if (!Node.Config.TryGetValue(key, out var configured) || configured is null)
        {
            return hooks;
        }

        foreach (var hook in configured is List<object?> list ? list : [configured])
        {
            var (sql, transaction) = hook is PyDict d
                ? (d.TryGetValue("sql", out var s) ? PyOps.ToStr(s) : string.Empty, !d.TryGetValue("transaction", out var tr) || tr is not false)
                : (PyOps.ToStr(hook), true);
            if (sql.Trim().Length > 0)
            {
                hooks.Add(new PyDict { ["sql"] = sql, ["transaction"] = transaction, ["index"] = (long)hooks.Count });
            }
        }

        return hooks;
    }
}
