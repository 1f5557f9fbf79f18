using Cedule.Core.Execution.Adapters;
using NpgsqlTypes;

namespace Cedule.Adapters.Postgres.Internal;

/// <summary>PostgreSQL type names (as <c>format_type</c> spells them) and their value families.</summary>
internal static class PostgresTypes
{
    /// <summary>"character varying(20)" → "character varying"; arrays keep their brackets.</summary>
    public static string BaseName(string dataType)
    {
        var paren = dataType.IndexOf('(', StringComparison.Ordinal);
        if (paren < 0)
        {
            return dataType;
        }

        var close = dataType.IndexOf(')', paren);
        return (dataType[..paren] + (close < 0 ? string.Empty : dataType[(close + 1)..])).Trim();
    }

    public static ValueKind KindOf(string dataType) => BaseName(dataType) switch
    {
        "text" or "character varying" or "character" or "name" or "citext" or "\"char\"" or "varchar" or "bpchar" => ValueKind.Text,
        "smallint" or "integer" or "bigint" or "int2" or "int4" or "int8" => ValueKind.Integer,
        "numeric" => ValueKind.Decimal,
        "real" or "double precision" or "float4" or "float8" => ValueKind.Float,
        "boolean" or "bool" => ValueKind.Boolean,
        "date" => ValueKind.Date,
        "timestamp without time zone" or "timestamp with time zone" or "timestamp" or "timestamptz" => ValueKind.Timestamp,
        _ => ValueKind.Other,
    };

    /// <summary>How a bulk load writes a non-null value into a column of this type, in binary COPY.</summary>
    public static (NpgsqlDbType Type, Func<object, object> Convert)? CopyWriter(string dataType) => BaseName(dataType) switch
    {
        "smallint" => (NpgsqlDbType.Smallint, v => checked((short)LoadValues.ToInt64(v))),
        "integer" => (NpgsqlDbType.Integer, v => checked((int)LoadValues.ToInt64(v))),
        "bigint" => (NpgsqlDbType.Bigint, v => LoadValues.ToInt64(v)),
        "numeric" => (NpgsqlDbType.Numeric, v => LoadValues.ToDecimal(v)),
        "real" => (NpgsqlDbType.Real, v => (float)LoadValues.ToDouble(v)),
        "double precision" => (NpgsqlDbType.Double, v => LoadValues.ToDouble(v)),
        "boolean" => (NpgsqlDbType.Boolean, v => LoadValues.ToBoolean(v)),
        "date" => (NpgsqlDbType.Date, v => LoadValues.ToDate(v)),
        "timestamp without time zone" => (NpgsqlDbType.Timestamp, v => DateTime.SpecifyKind(LoadValues.ToTimestamp(v), DateTimeKind.Unspecified)),
        "timestamp with time zone" => (NpgsqlDbType.TimestampTz, v => DateTime.SpecifyKind(LoadValues.ToTimestamp(v), DateTimeKind.Utc)),
        "text" => (NpgsqlDbType.Text, v => LoadValues.ToText(v)),
        "character varying" => (NpgsqlDbType.Varchar, v => LoadValues.ToText(v)),
        "character" => (NpgsqlDbType.Char, v => LoadValues.ToText(v)),
        "uuid" => (NpgsqlDbType.Uuid, v => v as Guid? ?? Guid.Parse(LoadValues.ToText(v))),
        "json" => (NpgsqlDbType.Json, v => LoadValues.ToText(v)),
        "jsonb" => (NpgsqlDbType.Jsonb, v => LoadValues.ToText(v)),
        _ => null,
    };
}
