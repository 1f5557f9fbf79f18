using Cedule.Core.Execution.Adapters;

namespace Cedule.Adapters.DuckDb.Internal;

/// <summary>DuckDB type names as SQL spells them (what <c>information_schema</c> and dbt-duckdb show).</summary>
internal static class DuckDbTypes
{
    private static readonly Dictionary<string, string> SqlNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UnsignedTinyInt"] = "UTINYINT",
        ["UnsignedSmallInt"] = "USMALLINT",
        ["UnsignedInteger"] = "UINTEGER",
        ["UnsignedBigInt"] = "UBIGINT",
        ["UnsignedHugeInt"] = "UHUGEINT",
        ["TimestampS"] = "TIMESTAMP_S",
        ["TimestampMs"] = "TIMESTAMP_MS",
        ["TimestampNs"] = "TIMESTAMP_NS",
        ["TimestampTz"] = "TIMESTAMP WITH TIME ZONE",
        ["TimeTz"] = "TIME WITH TIME ZONE",
    };

    /// <summary>DuckDB.NET's type name for a result column (<c>Integer</c>, <c>TimestampTz</c>) as SQL spells it.</summary>
    public static string SqlName(string readerName) =>
        SqlNames.TryGetValue(readerName, out var name) ? name : readerName.ToUpperInvariant();

    /// <summary>The family of values a column of this SQL type holds (<c>DECIMAL(10,2)</c> is a decimal).</summary>
    public static ValueKind KindOf(string sqlName)
    {
        var paren = sqlName.IndexOf('(', StringComparison.Ordinal);
        var name = (paren < 0 ? sqlName : sqlName[..paren]).Trim().ToUpperInvariant();
        return name switch
        {
            "VARCHAR" or "TEXT" or "STRING" or "CHAR" or "BPCHAR" => ValueKind.Text,
            "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT" => ValueKind.Integer,
            "DECIMAL" or "NUMERIC" => ValueKind.Decimal,
            "DOUBLE" or "FLOAT" or "REAL" => ValueKind.Float,
            "BOOLEAN" => ValueKind.Boolean,
            "DATE" => ValueKind.Date,
            "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "DATETIME" => ValueKind.Timestamp,
            _ => ValueKind.Other,
        };
    }
}
