namespace Cedule.Core.Execution.Adapters;

/// <summary>What the database said about a statement: dbt's <c>AdapterResponse</c>.</summary>
/// <param name="Message">A short status (<c>CREATE VIEW</c>, <c>INSERT 0 5</c>, <c>OK</c>).</param>
/// <param name="RowsAffected">Rows written or returned, or -1 when the database does not say.</param>
/// <param name="Code">The command tag (<c>INSERT</c>, <c>SELECT</c>), when the database gives one.</param>
public sealed record AdapterResponse(string Message, long RowsAffected = -1, string? Code = null);

/// <summary>The outcome of <see cref="IDatabaseConnection.Execute"/>.</summary>
/// <param name="Response">Status and row count.</param>
/// <param name="Table">The rows, when they were fetched.</param>
public sealed record StatementResult(AdapterResponse Response, ResultTable? Table);
