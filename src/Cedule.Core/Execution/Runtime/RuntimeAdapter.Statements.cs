using Cedule.Core.Context;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Parsing;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution.Runtime;

internal sealed partial class RuntimeAdapter
{
    /// <summary>
    /// <c>adapter.execute(sql, auto_begin=False, fetch=False)</c> → (response, table). With
    /// auto_begin, a transaction opens first if none is open (dbt's statement blocks do this).
    /// </summary>
    private PyTuple Execute(Arguments args)
    {
        var sql = PyOps.ToStr(args.Get(0, "sql"));
        var autoBegin = args.Get(1, "auto_begin", false) is true;
        var fetch = args.Get(2, "fetch", false) is true;
        var result = ExecuteSql(sql, autoBegin, fetch);
        return new PyTuple([new ResponseObject(result.Response), result.Table is null ? EmptyTable() : new AgateTable(result.Table, t => run.Log("info", t))]);
    }

    internal StatementResult ExecuteSql(string sql, bool autoBegin, bool fetch)
    {
        var connection = run.RequireConnection();
        if (autoBegin && !connection.InTransaction)
        {
            connection.Begin();
        }

        run.Statements.Add(sql);
        run.Log("debug", "statement: " + sql);
        return connection.Execute(sql, fetch, run.CancellationToken);
    }

    private AgateTable EmptyTable() => new(new ResultTable([], []), t => run.Log("info", t));

    private string Begin()
    {
        var connection = run.RequireConnection();
        if (!connection.InTransaction)
        {
            connection.Begin();
        }

        return string.Empty;
    }

    private string Commit()
    {
        var connection = run.RequireConnection();
        if (connection.InTransaction)
        {
            connection.Commit();
        }

        return string.Empty;
    }

    private string Rollback()
    {
        run.RequireConnection().Rollback();
        return string.Empty;
    }

    private string CreateSchema(IRuntime runtime, Relation relation)
    {
        Session.EnsureSchema(relation.Database ?? Project.Target.Database, relation.Schema ?? Project.Target.Schema,
            () => RunDdl(runtime, "get_create_schema_sql", relation));
        return string.Empty;
    }

    private string DropSchema(IRuntime runtime, Relation relation)
    {
        RunDdl(runtime, "get_drop_schema_sql", relation);
        Session.ForgetSchema(relation.Database ?? Project.Target.Database, relation.Schema ?? Project.Target.Schema);
        Session.Relations.Forget(relation.Database ?? Project.Target.Database, relation.Schema ?? Project.Target.Schema);
        return string.Empty;
    }

    private string DropRelation(IRuntime runtime, Relation relation)
    {
        RunDdl(runtime, "get_drop_sql", relation);
        return CacheDropped(relation);
    }

    private string RenameRelation(IRuntime runtime, Relation from, Relation to)
    {
        RunDdl(runtime, "get_rename_sql", from, to);
        CacheDropped(from);
        return CacheAdded(to, from.Type);
    }

    /// <summary>Runs the SQL a dispatchable dialect macro (<c>get_drop_sql</c>…) produces, in the open transaction if any.</summary>
    private string RunDdl(IRuntime runtime, string macro, params object?[] args)
    {
        var dispatched = MacroDispatch.Resolve(Project, run.Node, new Arguments([macro, MacroRegistry.InternalPackage]), null);
        var sql = PyOps.ToStr(runtime.Call(dispatched, new Arguments(args))).Trim();
        if (sql.Length > 0)
        {
            ExecuteSql(sql, autoBegin: false, fetch: false);
        }

        return string.Empty;
    }

    private string CacheAdded(Relation relation, string? type = null)
    {
        Session.Relations.Add(new RelationInfo(relation.Database ?? Project.Target.Database, relation.Schema ?? Project.Target.Schema, relation.Identifier, type ?? relation.Type));
        return string.Empty;
    }

    private string CacheDropped(Relation relation)
    {
        Session.Relations.Remove(relation.Database ?? Project.Target.Database, relation.Schema ?? Project.Target.Schema, relation.Identifier);
        return string.Empty;
    }
}
