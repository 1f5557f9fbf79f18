using System.Diagnostics;
using Cedule.Core.Execution.Adapters;

namespace Cedule.Bench.Engine;

/// <summary>One call the engine made on its connection, kept so that it can be replayed.</summary>
internal sealed record DatabaseCall(string Kind, string? Sql, bool Fetch, string? Database, string? Schema)
{
    /// <summary>Wall time of the call in place (Stopwatch ticks).</summary>
    public long WallTicks { get; set; }
}

/// <summary>
/// Wraps the driver's connection: records every call a node makes (so the same calls can be
/// replayed straight on a fresh database) and adds up the wall and thread CPU time spent inside
/// them, which is the database's share of the node's time, measured in place.
/// </summary>
internal sealed class RecordingConnection(IDatabaseConnection inner) : IDatabaseConnection
{
    private readonly List<DatabaseCall> _calls = [];

    public long DatabaseWallTicks { get; private set; }

    public long DatabaseCpuNanoseconds { get; private set; }

    public bool InTransaction => inner.InTransaction;

    /// <summary>The calls since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<DatabaseCall> Calls => _calls;

    public void Reset()
    {
        _calls.Clear();
        DatabaseWallTicks = 0;
        DatabaseCpuNanoseconds = 0;
    }

    public StatementResult Execute(string sql, bool fetch, CancellationToken cancellationToken = default) =>
        Timed(new DatabaseCall("execute", sql, fetch, null, null), () => inner.Execute(sql, fetch, cancellationToken));

    public void Begin() => Timed(new DatabaseCall("begin", null, false, null, null), () =>
    {
        inner.Begin();
        return 0;
    });

    public void Commit() => Timed(new DatabaseCall("commit", null, false, null, null), () =>
    {
        inner.Commit();
        return 0;
    });

    public void Rollback() => Timed(new DatabaseCall("rollback", null, false, null, null), () =>
    {
        inner.Rollback();
        return 0;
    });

    public IReadOnlyList<string> ListSchemas(string? database, CancellationToken cancellationToken = default) =>
        Timed(new DatabaseCall("list_schemas", null, false, database, null), () => inner.ListSchemas(database, cancellationToken));

    public IReadOnlyList<RelationInfo> ListRelations(string? database, string schema, CancellationToken cancellationToken = default) =>
        Timed(new DatabaseCall("list_relations", null, false, database, schema), () => inner.ListRelations(database, schema, cancellationToken));

    public IReadOnlyList<ColumnInfo> GetColumns(string? database, string schema, string identifier, CancellationToken cancellationToken = default) =>
        Timed(new DatabaseCall("get_columns", identifier, false, database, schema), () => inner.GetColumns(database, schema, identifier, cancellationToken));

    public long BulkLoad(RelationInfo table, IReadOnlyList<ColumnInfo> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the engine benchmark has no seeds");

    public void Dispose() => inner.Dispose();

    /// <summary>Replays recorded calls on <paramref name="connection"/> (what the database alone spends on them).</summary>
    public static void Replay(IDatabaseConnection connection, IReadOnlyList<DatabaseCall> calls, long[]? wallTicks = null)
    {
        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            var start = Stopwatch.GetTimestamp();
            switch (call.Kind)
            {
                case "execute":
                    connection.Execute(call.Sql!, call.Fetch);
                    break;
                case "begin":
                    connection.Begin();
                    break;
                case "commit":
                    connection.Commit();
                    break;
                case "rollback":
                    connection.Rollback();
                    break;
                case "list_schemas":
                    connection.ListSchemas(call.Database);
                    break;
                case "list_relations":
                    connection.ListRelations(call.Database, call.Schema!);
                    break;
                case "get_columns":
                    connection.GetColumns(call.Database, call.Schema!, call.Sql!);
                    break;
                default:
                    throw new InvalidOperationException("unknown call " + call.Kind);
            }

            wallTicks?[i] = Stopwatch.GetTimestamp() - start;
        }
    }

    private T Timed<T>(DatabaseCall call, Func<T> action)
    {
        _calls.Add(call);
        var cpu = CpuTime.ThreadNanoseconds();
        var wall = Stopwatch.GetTimestamp();
        try
        {
            return action();
        }
        finally
        {
            call.WallTicks = Stopwatch.GetTimestamp() - wall;
            DatabaseWallTicks += call.WallTicks;
            DatabaseCpuNanoseconds += CpuTime.ThreadNanoseconds() - cpu;
        }
    }
}
