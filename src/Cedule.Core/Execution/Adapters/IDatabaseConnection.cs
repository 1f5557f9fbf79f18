namespace Cedule.Core.Execution.Adapters;

/// <summary>
/// One open connection to the warehouse. Synchronous by design: templates call the database in the
/// middle of a render (<c>run_query</c>, <c>statement</c> blocks, <c>adapter.get_relation</c>), and
/// the template engine renders synchronously; every call takes the cancellation token and cancels
/// the running command when it fires (ADR 0005). Not thread-safe: one connection per thread.
/// </summary>
public interface IDatabaseConnection : IDisposable
{
    /// <summary>True between <see cref="Begin"/> and <see cref="Commit"/> or <see cref="Rollback"/>.</summary>
    bool InTransaction { get; }

    /// <summary>Runs one statement (or a batch the database accepts at once); with <paramref name="fetch"/>, returns its rows.</summary>
    /// <exception cref="DatabaseException">The database refused the statement or the connection failed.</exception>
    StatementResult Execute(string sql, bool fetch, CancellationToken cancellationToken = default);

    /// <summary>Opens a transaction.</summary>
    void Begin();

    /// <summary>Commits the open transaction.</summary>
    void Commit();

    /// <summary>Rolls back the open transaction, if any.</summary>
    void Rollback();

    /// <summary>Schemas of <paramref name="database"/> (the connection's database when null).</summary>
    IReadOnlyList<string> ListSchemas(string? database, CancellationToken cancellationToken = default);

    /// <summary>Tables and views of one schema.</summary>
    IReadOnlyList<RelationInfo> ListRelations(string? database, string schema, CancellationToken cancellationToken = default);

    /// <summary>Columns of a table or view, in ordinal order; empty when it does not exist.</summary>
    IReadOnlyList<ColumnInfo> GetColumns(string? database, string schema, string identifier, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads rows into an existing table whose columns are <paramref name="columns"/>, with the
    /// database's fast path (DuckDB's appender, PostgreSQL's binary COPY). Values are .NET values
    /// of the columns' <see cref="ColumnInfo.Kind"/> (null for NULL). Returns the number of rows.
    /// </summary>
    long BulkLoad(RelationInfo table, IReadOnlyList<ColumnInfo> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default);
}
