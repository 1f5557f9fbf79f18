using Cedule.Core.Execution.Adapters;
using Npgsql;

namespace Cedule.Adapters.Postgres.Internal;

/// <summary>Introspection through pg_catalog, every name a parameter.</summary>
internal sealed partial class PostgresConnection
{
    public IReadOnlyList<string> ListSchemas(string? database, CancellationToken cancellationToken = default)
    {
        RequireCurrentDatabase(database);
        return Query("SELECT nspname FROM pg_namespace ORDER BY nspname", [], cancellationToken).Select(r => (string)r[0]!).ToList();
    }

    public IReadOnlyList<RelationInfo> ListRelations(string? database, string schema, CancellationToken cancellationToken = default)
    {
        RequireCurrentDatabase(database);
        return Query(
            """
            SELECT n.nspname, c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE lower(n.nspname) = lower($1) AND c.relkind IN ('r', 'p', 'f', 'v', 'm') ORDER BY c.relname
            """,
            [schema], cancellationToken)
            .Select(r => new RelationInfo(_connection.Database, (string)r[0]!, (string)r[1]!, (string)r[2]! switch
            {
                "v" => "view",
                "m" => "materialized_view",
                _ => "table",
            }))
            .ToList();
    }

    public IReadOnlyList<ColumnInfo> GetColumns(string? database, string schema, string identifier, CancellationToken cancellationToken = default)
    {
        RequireCurrentDatabase(database);
        return Query(
            """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """,
            [schema, identifier], cancellationToken)
            .Select(r => new ColumnInfo((string)r[0]!, (string)r[1]!, PostgresTypes.KindOf((string)r[1]!)))
            .ToList();
    }

    /// <summary>PostgreSQL cannot look into another database from a connection (dbt-postgres refuses it too).</summary>
    private void RequireCurrentDatabase(string? database)
    {
        if (database is not null && !string.Equals(database, _connection.Database, StringComparison.Ordinal))
        {
            throw new DatabaseException($"cross-database references are not supported by PostgreSQL: connected to '{_connection.Database}', asked about '{database}'");
        }
    }

    private List<object?[]> Query(string sql, IReadOnlyList<string> parameters, CancellationToken cancellationToken) =>
        Guard(sql, command =>
        {
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = parameter });
            }

            using var reader = command.ExecuteReader();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                reader.GetValues(row!);
                rows.Add(row);
            }

            return rows;
        }, cancellationToken);
}
