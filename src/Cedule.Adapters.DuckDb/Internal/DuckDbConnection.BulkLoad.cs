using Cedule.Core.Dialects;
using Cedule.Core.Execution.Adapters;
using DuckDB.NET.Data;
using ColumnInfo = Cedule.Core.Execution.Adapters.ColumnInfo;

namespace Cedule.Adapters.DuckDb.Internal;

/// <summary>Bulk load through DuckDB's appender.</summary>
internal sealed partial class DuckDbConnection
{
    public long BulkLoad(RelationInfo table, IReadOnlyList<ColumnInfo> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);

        // The appender fills every column of the table in its own order, with the table's own
        // types: map the caller's columns onto the table's and convert each value to its type.
        var target = GetColumns(table?.Database, table!.Schema, table.Identifier, cancellationToken);
        if (target.Count == 0)
        {
            throw new DatabaseException($"cannot load into {Dialect.DuckDb.QuoteRelation(table.Database, table.Schema, table.Identifier)}: no such table");
        }

        var sources = new int[target.Count];
        var writers = new Action<IDuckDBAppenderRow, object>[target.Count];
        ArgumentNullException.ThrowIfNull(columns);
        for (var t = 0; t < target.Count; t++)
        {
            sources[t] = IndexOf(columns, target[t].Name);
            writers[t] = Writer(target[t].DataType);
        }

        foreach (var column in columns)
        {
            if (IndexOf(target, column.Name) < 0)
            {
                throw new DatabaseException($"cannot load into {table.Identifier}: it has no column {column.Name}");
            }
        }

        // Outside a transaction the load gets its own, so that a failed or cancelled load leaves
        // nothing behind (the appender flushes what it holds when it is disposed), as a COPY does.
        var own = !InTransaction;
        if (own)
        {
            Begin();
        }

        long count;
        try
        {
            count = Append(table, sources, writers, rows, cancellationToken);
            if (own)
            {
                Commit();
            }
        }
        catch
        {
            if (own)
            {
                Rollback();
            }

            throw;
        }

        return count;
    }

    private long Append(RelationInfo table, int[] sources, Action<IDuckDBAppenderRow, object>[] writers, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        long count = 0;
        try
        {
            using var appender = table.Database is null
                ? _connection.CreateAppender(table.Schema, table.Identifier)
                : _connection.CreateAppender(table.Database, table.Schema, table.Identifier);
            foreach (var values in rows)
            {
                if ((count & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var row = appender.CreateRow();
                for (var t = 0; t < sources.Length; t++)
                {
                    var value = sources[t] < 0 ? null : values[sources[t]];
                    if (value is null)
                    {
                        row.AppendNullValue();
                    }
                    else
                    {
                        writers[t](row, value);
                    }
                }

                row.EndRow();
                count++;
            }
        }
        catch (DuckDBException e)
        {
            throw new DatabaseException(ProfileSettings.Mask($"loading {table.Identifier} failed at row {count + 1}: {e.Message}", _secrets), false, e);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw new DatabaseException($"loading {table.Identifier} failed at row {count + 1}: {e.Message}", false, e);
        }

        return count;
    }

    private static int IndexOf(IReadOnlyList<ColumnInfo> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Appends a non-null value as the column's own type (the appender does not cast).</summary>
    private static Action<IDuckDBAppenderRow, object> Writer(string dataType)
    {
        var paren = dataType.IndexOf('(', StringComparison.Ordinal);
        return (paren < 0 ? dataType : dataType[..paren]).Trim().ToUpperInvariant() switch
        {
            "TINYINT" => static (row, v) => row.AppendValue((sbyte?)LoadValues.ToInt64(v)),
            "SMALLINT" => static (row, v) => row.AppendValue((short?)LoadValues.ToInt64(v)),
            "INTEGER" => static (row, v) => row.AppendValue(checked((int?)LoadValues.ToInt64(v))),
            "BIGINT" => static (row, v) => row.AppendValue((long?)LoadValues.ToInt64(v)),
            "HUGEINT" => static (row, v) => row.AppendValue((System.Numerics.BigInteger?)LoadValues.ToDecimal(v)),
            "DECIMAL" or "NUMERIC" => static (row, v) => row.AppendValue((decimal?)LoadValues.ToDecimal(v)),
            "DOUBLE" => static (row, v) => row.AppendValue((double?)LoadValues.ToDouble(v)),
            "FLOAT" or "REAL" => static (row, v) => row.AppendValue((float?)LoadValues.ToDouble(v)),
            "BOOLEAN" => static (row, v) => row.AppendValue((bool?)LoadValues.ToBoolean(v)),
            "DATE" => static (row, v) => row.AppendValue((DateOnly?)LoadValues.ToDate(v)),
            "TIMESTAMP" or "DATETIME" => static (row, v) => row.AppendValue((DateTime?)LoadValues.ToTimestamp(v)),
            _ => static (row, v) => row.AppendValue(LoadValues.ToText(v)),
        };
    }
}
