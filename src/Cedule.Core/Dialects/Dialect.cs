using Cedule.Core.Execution.Adapters;

namespace Cedule.Core.Dialects;

/// <summary>
/// What the engine needs to know about a database's SQL without a driver: how it quotes an
/// identifier and which column type a seed column of each <see cref="ValueKind"/> gets when the
/// seed creates its table (a seed's <c>column_types</c> override wins over these).
/// </summary>
/// <remarks>
/// Choices, and why:
/// <list type="bullet">
/// <item>PostgreSQL: <c>text</c>, <c>bigint</c>, <c>numeric</c>, <c>double precision</c>,
/// <c>boolean</c>, <c>date</c>, <c>timestamp without time zone</c>. dbt-postgres types whole numbers
/// <c>integer</c>; <c>bigint</c> keeps a seed id above 2,147,483,647 loadable.</item>
/// <item>DuckDB: <c>VARCHAR</c>, <c>BIGINT</c>, decimals as <c>DOUBLE</c> (as dbt-duckdb does, so
/// models that divide or compare seed values behave as they do under dbt; a value with more than
/// 15 significant digits loses precision: give it <c>column_types: {col: DECIMAL(38,9)}</c>).</item>
/// <item>SQL Server: <c>nvarchar(4000)</c> (Unicode-safe whatever the database collation; a longer
/// value fails loudly instead of being silently turned into <c>?</c>), <c>bigint</c>,
/// <c>decimal(38,9)</c> (exact for values with up to 29 integer and 9 fractional digits),
/// <c>float</c>, <c>bit</c>, <c>date</c>, <c>datetime2(6)</c> (microseconds, as the other
/// databases keep).</item>
/// <item>Fabric: as SQL Server, but <c>varchar(8000)</c>: Fabric warehouses have no
/// <c>nvarchar</c> and store <c>varchar</c> as UTF-8.</item>
/// </list>
/// </remarks>
public sealed class Dialect
{
    private readonly string[] _typeNames;
    private readonly char _quoteStart;
    private readonly char _quoteEnd;

    private Dialect(string adapterType, char quoteStart, char quoteEnd, string[] typeNames)
    {
        AdapterType = adapterType;
        _quoteStart = quoteStart;
        _quoteEnd = quoteEnd;
        _typeNames = typeNames;
    }

    /// <summary>DuckDB.</summary>
    public static Dialect DuckDb { get; } = new("duckdb", '"', '"',
        ["VARCHAR", "BIGINT", "DOUBLE", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP", "VARCHAR"]);

    /// <summary>PostgreSQL.</summary>
    public static Dialect Postgres { get; } = new("postgres", '"', '"',
        ["text", "bigint", "numeric", "double precision", "boolean", "date", "timestamp without time zone", "text"]);

    /// <summary>SQL Server (2019 and later).</summary>
    public static Dialect SqlServer { get; } = new("sqlserver", '[', ']',
        ["nvarchar(4000)", "bigint", "decimal(38,9)", "float", "bit", "date", "datetime2(6)", "nvarchar(4000)"]);

    /// <summary>Microsoft Fabric warehouses.</summary>
    public static Dialect Fabric { get; } = new("fabric", '[', ']',
        ["varchar(8000)", "bigint", "decimal(38,9)", "float", "bit", "date", "datetime2(6)", "varchar(8000)"]);

    /// <summary>The profile <c>type:</c> this dialect serves.</summary>
    public string AdapterType { get; }

    /// <summary>The dialect of a profile type.</summary>
    /// <exception cref="ArgumentException">No dialect has that type.</exception>
    public static Dialect For(string adapterType) => adapterType switch
    {
        "duckdb" => DuckDb,
        "postgres" => Postgres,
        "sqlserver" => SqlServer,
        "fabric" => Fabric,
        _ => throw new ArgumentException($"no dialect for adapter type '{adapterType}' (known: duckdb, postgres, sqlserver, fabric)", nameof(adapterType)),
    };

    /// <summary>The column type a seed column of <paramref name="kind"/> gets.</summary>
    public string TypeName(ValueKind kind) => _typeNames[(int)kind];

    /// <summary>The identifier quoted for this database, its closing quote doubled inside (<c>"a""b"</c>, <c>[a]]b]</c>).</summary>
    public string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var end = _quoteEnd.ToString();
        return string.Concat(_quoteStart.ToString(), identifier.Replace(end, end + end, StringComparison.Ordinal), end);
    }

    /// <summary>A relation's name quoted part by part, skipping a null database.</summary>
    public string QuoteRelation(string? database, string schema, string identifier) =>
        database is null ? $"{Quote(schema)}.{Quote(identifier)}" : $"{Quote(database)}.{Quote(schema)}.{Quote(identifier)}";
}
