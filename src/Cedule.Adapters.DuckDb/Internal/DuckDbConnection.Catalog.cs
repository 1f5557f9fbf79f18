using Cedule.Core.Execution.Adapters;

namespace Cedule.Adapters.DuckDb.Internal;

/// <summary>Introspection through DuckDB's information_schema, every name a parameter.</summary>
internal sealed partial class DuckDbConnection
{
    private string? _currentDatabase;

    public IReadOnlyList<string> ListSchemas(string? database, CancellationToken cancellationToken = default) =>
        Query(
            "SELECT schema_name FROM information_schema.schemata WHERE lower(catalog_name) = lower(?) ORDER BY schema_name",
            [database ?? CurrentDatabase(cancellationToken)], cancellationToken)
        .Select(row => (string)row[0]!).ToList();

    public IReadOnlyList<RelationInfo> ListRelations(string? database, string schema, CancellationToken cancellationToken = default) =>
        Query(
            """
            SELECT table_catalog, table_schema, table_name, table_type FROM information_schema.tables
            WHERE lower(table_catalog) = lower(?) AND lower(table_schema) = lower(?) ORDER BY table_name
            """,
            [database ?? CurrentDatabase(cancellationToken), schema], cancellationToken)
        .Select(row => new RelationInfo((string)row[0]!, (string)row[1]!, (string)row[2]!, (string)row[3]! == "VIEW" ? "view" : "table"))
        .ToList();

    public IReadOnlyList<ColumnInfo> GetColumns(string? database, string schema, string identifier, CancellationToken cancellationToken = default) =>
        Query(
            """
            SELECT column_name, data_type FROM information_schema.columns
            WHERE lower(table_catalog) = lower(?) AND lower(table_schema) = lower(?) AND lower(table_name) = lower(?)
            ORDER BY ordinal_position
            """,
            [database ?? CurrentDatabase(cancellationToken), schema, identifier], cancellationToken)
        .Select(row => new ColumnInfo((string)row[0]!, (string)row[1]!, DuckDbTypes.KindOf((string)row[1]!)))
        .ToList();

    private string CurrentDatabase(CancellationToken cancellationToken) =>
        _currentDatabase ??= (string)Query("SELECT current_database()", [], cancellationToken)[0][0]!;
}
