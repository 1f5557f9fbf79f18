using Cedule.Core.Dialects;
using Cedule.Core.Execution.Adapters;
using DuckDB.NET.Data;
using ColumnInfo = Cedule.Core.Execution.Adapters.ColumnInfo;

namespace Cedule.Adapters.DuckDb.Internal;

/// <summary>One DuckDB connection (ADR 0005: synchronous, one per thread).</summary>
internal sealed partial class DuckDbConnection : IDatabaseConnection
{
    private readonly DuckDBConnection _connection;
    private readonly IReadOnlyList<string> _secrets;
    private DuckDBTransaction? _transaction;

    public DuckDbConnection(DuckDBConnection connection, IReadOnlyList<string> secrets) =>
        (_connection, _secrets) = (connection, secrets);

    public bool InTransaction => _transaction is not null;

    /// <summary>Applies the profile: settings, extensions, the target schema.</summary>
    public void Prepare(DuckDbSettings settings, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in settings.Settings)
        {
            Run($"SET {name} = {DuckDbSettings.Literal(value)}", cancellationToken);
        }

        foreach (var extension in settings.Extensions)
        {
            LoadExtension(extension, cancellationToken);
        }

        // Connections of one run open at once, and two concurrent CREATE SCHEMA IF NOT EXISTS of one
        // schema fail with a write-write conflict in DuckDB: one at a time (only one process can
        // open a DuckDB file, so a process-wide lock suffices).
        lock (SchemaCreation)
        {
            Run($"CREATE SCHEMA IF NOT EXISTS {Dialect.DuckDb.Quote(settings.Schema)}", cancellationToken);
        }
    }

    private static readonly Lock SchemaCreation = new();

    public StatementResult Execute(string sql, bool fetch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        cancellationToken.ThrowIfCancellationRequested();
        return Guard(sql, command =>
        {
            if (!fetch)
            {
                return new StatementResult(new AdapterResponse("OK", command.ExecuteNonQuery()), null);
            }

            using var reader = command.ExecuteReader();
            var table = ReadLastResult(reader, cancellationToken);
            return new StatementResult(new AdapterResponse("OK", table.Rows.Count), table);
        }, cancellationToken);
    }

    public void Begin()
    {
        if (_transaction is not null)
        {
            throw new DatabaseException("a transaction is already open on this connection");
        }

        _transaction = Guard(() => _connection.BeginTransaction());
    }

    public void Commit()
    {
        var transaction = _transaction ?? throw new DatabaseException("no transaction is open on this connection to commit");
        _transaction = null;
        using (transaction)
        {
            Guard(() => transaction.Commit());
        }
    }

    public void Rollback()
    {
        var transaction = _transaction;
        _transaction = null;
        using (transaction)
        {
            Guard(() => transaction?.Rollback());
        }
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _connection.Dispose();
    }

    private static ResultTable ReadLastResult(DuckDBDataReader reader, CancellationToken cancellationToken)
    {
        // DuckDB.NET skips the statements of a batch that return no rows: the reader starts on the
        // first result set; the last one is what the batch returned, as a dbt-duckdb cursor does.
        ResultTable? table = null;
        do
        {
            var columns = new ColumnInfo[reader.FieldCount];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = new ColumnInfo(reader.GetName(i), DuckDbTypes.SqlName(reader.GetDataTypeName(i)), ResultValues.KindOf(reader.GetFieldType(i)));
            }

            table = ResultValues.ReadTable(reader, columns, static (r, i) => r.GetValue(i), cancellationToken);
        }
        while (reader.NextResult());

        return table ?? new ResultTable([], []);
    }

    private void LoadExtension(string name, CancellationToken cancellationToken)
    {
        var state = Query("SELECT loaded, installed FROM duckdb_extensions() WHERE extension_name = ?", [name], cancellationToken);
        if (state.Count == 1 && state[0][0] is true)
        {
            return;
        }

        if (state.Count == 0 || state[0][1] is not true)
        {
            throw new DatabaseException(
                $"DuckDB extension '{name}' is not installed and Cedule does not download extensions: run INSTALL {name} once where the network allows it, or remove it from the profile's extensions");
        }

        Run($"LOAD {name}", cancellationToken);
    }

    private void Run(string sql, CancellationToken cancellationToken) =>
        Guard(sql, command => command.ExecuteNonQuery(), cancellationToken);

    private List<object?[]> Query(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken) =>
        Guard(sql, command =>
        {
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
            }

            using var reader = command.ExecuteReader();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : ResultValues.Normalize(reader.GetValue(i));
                }

                rows.Add(row);
            }

            return rows;
        }, cancellationToken);

    /// <summary>
    /// Runs one command with the token wired to DuckDB's interrupt, and turns DuckDB's errors into
    /// <see cref="DatabaseException"/> (never transient: DuckDB is in-process, retrying the same
    /// statement gives the same answer) or, when the token fired, <see cref="OperationCanceledException"/>.
    /// </summary>
    private T Guard<T>(string sql, Func<DuckDBCommand, T> action, CancellationToken cancellationToken)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            using (cancellationToken.Register(static c => ((DuckDBCommand)c!).Cancel(), command))
            {
                return action(command);
            }
        }
        catch (Exception e) when (e is DuckDBException or OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // DuckDB.NET reports an interrupt as its own token-less OperationCanceledException.
            throw new OperationCanceledException("the DuckDB statement was cancelled", e, cancellationToken);
        }
        catch (DuckDBException e)
        {
            throw new DatabaseException(ProfileSettings.Mask(e.Message, _secrets), false, e);
        }
    }

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DuckDBException e)
        {
            throw new DatabaseException(ProfileSettings.Mask(e.Message, _secrets), false, e);
        }
    }

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });
}
