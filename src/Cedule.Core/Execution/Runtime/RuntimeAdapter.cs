using Cedule.Core.Context;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution.Runtime;

/// <summary>
/// <c>adapter</c> at run time: introspection goes through the relation cache and the connection;
/// DDL (drop, rename, create schema, truncate) is SQL produced by dispatchable dialect macros
/// (<c>get_drop_sql</c>, <c>get_rename_sql</c>…), so a project can override it as in dbt.
/// </summary>
internal sealed partial class RuntimeAdapter(NodeRun run) : IJinjaObject
{
    private ExecutionSession Session => run.Session;

    private ProjectContext Project => run.Session.Project;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "dispatch" => new JinjaFunction(name, (_, args) => MacroDispatch.Resolve(Project, run.Node, args, null)),
            "type" => new JinjaFunction(name, (_, _) => Project.Target.Type),
            "quote" => new JinjaFunction(name, (_, args) => Session.QuoteIdentifier(PyOps.ToStr(args.Get(0, "identifier")))),
            "quote_as_configured" => new JinjaFunction(name, (_, args) => Session.QuoteIdentifier(PyOps.ToStr(args.Get(0, "identifier")))),
            "get_relation" => new JinjaFunction(name, (_, args) => GetRelation(
                Str(args.Get(0, "database")), Str(args.Get(1, "schema")) ?? Project.Target.Schema, PyOps.ToStr(args.Get(2, "identifier")))),
            "load_relation" => new JinjaFunction(name, (_, args) => args.Get(0, "relation") is Relation r ? GetRelation(r.Database, r.Schema ?? Project.Target.Schema, r.Identifier) : null),
            "get_columns_in_relation" => new JinjaFunction(name, (_, args) => Columns(AsRelation(args.Get(0, "relation")))),
            "list_relations_without_caching" => new JinjaFunction(name, (_, args) => ListRelations(AsRelation(args.Get(0, "schema_relation")))),
            "list_schemas" => new JinjaFunction(name, (_, args) =>
                run.RequireConnection().ListSchemas(Str(args.Get(0, "database")), run.CancellationToken).Select(s => (object?)s).ToList()),
            "check_schema_exists" => new JinjaFunction(name, (_, args) => SchemaExists(Str(args.Get(0, "database")), PyOps.ToStr(args.Get(1, "schema")))),
            "already_exists" => new JinjaFunction(name, (_, args) =>
                GetRelation(Project.Target.Database, PyOps.ToStr(args.Get(0, "schema")), PyOps.ToStr(args.Get(1, "name"))) is not null),
            "create_schema" => new JinjaFunction(name, (rt, args) => CreateSchema(rt, AsRelation(args.Get(0, "relation")))),
            "drop_schema" => new JinjaFunction(name, (rt, args) => DropSchema(rt, AsRelation(args.Get(0, "relation")))),
            "drop_relation" => new JinjaFunction(name, (rt, args) => DropRelation(rt, AsRelation(args.Get(0, "relation")))),
            "rename_relation" => new JinjaFunction(name, (rt, args) => RenameRelation(rt, AsRelation(args.Get(0, "from_relation")), AsRelation(args.Get(1, "to_relation")))),
            "truncate_relation" => new JinjaFunction(name, (rt, args) => RunDdl(rt, "get_truncate_sql", AsRelation(args.Get(0, "relation")))),
            "execute" => new JinjaFunction(name, (_, args) => Execute(args)),
            "begin" => new JinjaFunction(name, (_, _) => Begin()),
            "commit" => new JinjaFunction(name, (_, _) => Commit()),
            "rollback" => new JinjaFunction(name, (_, _) => Rollback()),
            "get_missing_columns" => new JinjaFunction(name, (_, args) => MissingColumns(AsRelation(args.Get(0, "from_relation")), AsRelation(args.Get(1, "to_relation")))),
            "expand_target_column_types" => new JinjaFunction(name, (_, _) => string.Empty),
            "cache_added" or "cache_new" => new JinjaFunction(name, (_, args) => CacheAdded(AsRelation(args.Get(0, "relation")))),
            "cache_dropped" => new JinjaFunction(name, (_, args) => CacheDropped(AsRelation(args.Get(0, "relation")))),
            "cache_renamed" => new JinjaFunction(name, (_, args) =>
            {
                var from = AsRelation(args.Get(0, "from_relation"));
                CacheDropped(from);
                return CacheAdded(AsRelation(args.Get(1, "to_relation")), from.Type);
            }),
            "cedule_lock_relation_in_process" => new JinjaFunction(name, (_, args) => LockInProcess(AsRelation(args.Get(0, "relation")))),
            "valid_incremental_strategies" => new JinjaFunction(name, (_, _) => Session.IncrementalStrategies.Select(s => (object?)s).ToList()),
            _ => null,
        };
        return value is not null;
    }

    public string ToPythonString() => $"<adapter {Project.Target.Type}>";

    public Relation? GetRelation(string? database, string schema, string identifier)
    {
        var info = Session.Relations.Get(run.RequireConnection(), database ?? Project.Target.Database, schema, identifier, run.CancellationToken);
        return info is null ? null : new Relation(info.Database ?? database, info.Schema, info.Identifier, Project.Quote, info.Type);
    }

    private List<object?> Columns(Relation relation) =>
        [.. run.RequireConnection().GetColumns(relation.Database ?? Project.Target.Database, relation.Schema ?? Project.Target.Schema, relation.Identifier, run.CancellationToken)
            .Select(c => (object?)new ColumnObject(c, Project.Quote))];

    private List<object?> ListRelations(Relation schema) =>
        [.. run.RequireConnection().ListRelations(schema.Database ?? Project.Target.Database, schema.Schema ?? Project.Target.Schema, run.CancellationToken)
            .Select(r => (object?)new Relation(r.Database, r.Schema, r.Identifier, Project.Quote, r.Type))];

    private bool SchemaExists(string? database, string schema) =>
        run.RequireConnection().ListSchemas(database ?? Project.Target.Database, run.CancellationToken).Contains(schema, StringComparer.OrdinalIgnoreCase);

    private List<object?> MissingColumns(Relation from, Relation to)
    {
        var existing = Columns(to).Cast<ColumnObject>().Select(c => c.Column.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. Columns(from).Cast<ColumnObject>().Where(c => !existing.Contains(c.Column.Name))];
    }

    /// <summary>Takes the process-wide lock of a relation of this database, once per node.</summary>
    private string LockInProcess(Relation relation)
    {
        var key = string.Join('\u0001', Project.Target.Type, Session.DatabaseIdentity, relation.ToString().ToLowerInvariant());
        if (!run.HeldLocks.ContainsKey(key))
        {
            run.HeldLocks[key] = ProcessRelationLocks.Acquire(key, run.CancellationToken);
        }

        return string.Empty;
    }

    private static string? Str(object? value) => value is null or Undefined ? null : PyOps.ToStr(value);

    private static Relation AsRelation(object? value) => value as Relation
        ?? throw new TemplateException(ErrorKind.TypeError, $"expected a relation, got {PyOps.Repr(value)}");
}
