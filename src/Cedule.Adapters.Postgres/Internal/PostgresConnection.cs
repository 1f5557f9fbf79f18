using Cedule.Core.Execution.Adapters;
using Npgsql;

namespace Cedule.Adapters.Postgres.Internal;

/// <summary>One PostgreSQL connection (ADR 0005: synchronous, one per thread).</summary>
internal sealed partial class PostgresConnection : IDatabaseConnection
{
    private readonly NpgsqlConnection _connection;
    private readonly IReadOnlyList<string> _secrets;

    public PostgresConnection(NpgsqlConnection connection, IReadOnlyList<string> secrets)
    {
        _connection = connection;
        _secrets = secrets;
    }

    public bool InTransaction { get; private set; }

    public StatementResult Execute(string sql, bool fetch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return Guard(sql, command =>
        {
            using var reader = command.ExecuteReader();
            ResultTable? table = null;
            do
            {
                // A batch returns its last result set, as a dbt-postgres cursor does.
                if (fetch && reader.FieldCount > 0)
                {
                    table = ReadTable(reader, cancellationToken);
                }
            }
            while (reader.NextResult());

            // Templates hand over multi-statement text that only Npgsql's own parser splits; its
            // per-statement results are reachable only here (the DbBatch API needs them split).
#pragma warning disable CS0618
            var statements = reader.Statements;
#pragma warning restore CS0618
            var (message, rows, code) = statements.Count == 0 ? ("OK", -1L, null) : PostgresCommandTag.From(statements[^1]);
            return new StatementResult(new AdapterResponse(message, rows, code), fetch ? table ?? new ResultTable([], []) : null);
        }, cancellationToken);
    }

    public void Begin()
    {
        if (InTransaction)
        {
            throw new DatabaseException("a transaction is already open on this connection");
        }

        Guard("BEGIN", command => command.ExecuteNonQuery(), CancellationToken.None);
        InTransaction = true;
    }

    public void Commit()
    {
        if (!InTransaction)
        {
            throw new DatabaseException("no transaction is open on this connection to commit");
        }

        InTransaction = false;
        Guard("COMMIT", command => command.ExecuteNonQuery(), CancellationToken.None);
    }

    public void Rollback()
    {
        if (!InTransaction)
        {
            return;
        }

        InTransaction = false;
        Guard("ROLLBACK", command => command.ExecuteNonQuery(), CancellationToken.None);
    }

    public void Dispose() => _connection.Dispose();

    private static ResultTable ReadTable(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var columns = new ColumnInfo[reader.FieldCount];
        for (var i = 0; i < columns.Length; i++)
        {
            var type = reader.GetDataTypeName(i);
            columns[i] = new ColumnInfo(reader.GetName(i), type, PostgresTypes.KindOf(type));
        }

        return ResultValues.ReadTable(reader, columns, (r, i) => Value((NpgsqlDataReader)r, i, columns[i]), cancellationToken);
    }

    private static object? Value(NpgsqlDataReader reader, int ordinal, ColumnInfo column)
    {
        switch (column.Kind)
        {
            case ValueKind.Date:
                return reader.GetFieldValue<DateOnly>(ordinal);
            case ValueKind.Decimal:
                try
                {
                    return reader.GetDecimal(ordinal);
                }
                catch (Exception e) when (e is OverflowException or InvalidCastException)
                {
                    // NaN, infinities and values past decimal's 28 digits.
                    return reader.GetDouble(ordinal);
                }

            default:
                return reader.GetValue(ordinal);
        }
    }

    /// <summary>
    /// Runs one command with the token wired to PostgreSQL's cancel request, and turns Npgsql's
    /// errors into <see cref="DatabaseException"/> (transient as Npgsql judges) or, when the token
    /// fired, <see cref="OperationCanceledException"/>.
    /// </summary>
    private T Guard<T>(string sql, Func<NpgsqlCommand, T> action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
        try
        {
            using (cancellationToken.Register(static c => ((NpgsqlCommand)c!).Cancel(), command))
            {
                return action(command);
            }
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Npgsql reports a cancelled command as its own OperationCanceledException (or 57014).
            throw new OperationCanceledException("the PostgreSQL statement was cancelled", e, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw PostgresErrors.Wrap(e, sql, _secrets);
        }
    }
}
