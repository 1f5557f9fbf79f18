using Cedule.Core.Dialects;
using Cedule.Core.Execution.Adapters;
using Npgsql;

namespace Cedule.Adapters.Postgres.Internal;

/// <summary>Bulk load through binary COPY.</summary>
internal sealed partial class PostgresConnection
{
    public long BulkLoad(RelationInfo table, IReadOnlyList<ColumnInfo> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var name = Dialect.Postgres.QuoteRelation(null, table.Schema, table.Identifier);

        // Binary COPY needs each value in the column's exact type: read the table's types and
        // convert to them (a text value bound for an integer column is parsed, invariantly).
        var target = GetColumns(table.Database, table.Schema, table.Identifier, cancellationToken);
        if (target.Count == 0)
        {
            throw new DatabaseException($"cannot load into {name}: no such table");
        }

        var writers = columns.Select(column =>
        {
            var match = target.FirstOrDefault(t => string.Equals(t.Name, column.Name, StringComparison.Ordinal))
                ?? throw new DatabaseException($"cannot load into {name}: it has no column {column.Name}");
            return PostgresTypes.CopyWriter(match.DataType)
                ?? throw new DatabaseException($"cannot load into {name}: column {column.Name} has type {match.DataType}, which Cedule's bulk load does not write");
        }).ToArray();

        var copy = $"COPY {name} ({string.Join(", ", columns.Select(c => Dialect.Postgres.Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        long count = 0;
        try
        {
            using var importer = _connection.BeginBinaryImport(copy);
            foreach (var values in rows)
            {
                if ((count & 1023) == 0)
                {
                    // Leaving without Complete() makes Npgsql cancel the COPY: nothing is written.
                    cancellationToken.ThrowIfCancellationRequested();
                }

                importer.StartRow();
                for (var i = 0; i < writers.Length; i++)
                {
                    if (values[i] is { } value)
                    {
                        importer.Write(writers[i].Convert(value), writers[i].Type);
                    }
                    else
                    {
                        importer.WriteNull();
                    }
                }

                count++;
            }

            cancellationToken.ThrowIfCancellationRequested();
            importer.Complete();
        }
        catch (NpgsqlException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the PostgreSQL COPY was cancelled", e, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw PostgresErrors.Wrap(e, copy, _secrets);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw new DatabaseException($"loading {name} failed at row {count + 1}: {e.Message}", false, e);
        }

        return count;
    }
}
