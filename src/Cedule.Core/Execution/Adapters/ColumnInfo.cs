namespace Cedule.Core.Execution.Adapters;

/// <summary>A column of a relation or of a query result.</summary>
/// <param name="Name">Its name, as the database reports it.</param>
/// <param name="DataType">The database's type name (<c>integer</c>, <c>character varying(20)</c>).</param>
/// <param name="Kind">The family of .NET values it holds, for bulk loads and agate-like tables.</param>
public sealed record ColumnInfo(string Name, string DataType, ValueKind Kind = ValueKind.Text);

/// <summary>Families of column values, as dbt's agate tables and seeds distinguish them.</summary>
public enum ValueKind
{
    /// <summary>Text (<see cref="string"/>).</summary>
    Text,

    /// <summary>Whole numbers (<see cref="long"/>).</summary>
    Integer,

    /// <summary>Decimal numbers (<see cref="decimal"/>).</summary>
    Decimal,

    /// <summary>Floating point (<see cref="double"/>).</summary>
    Float,

    /// <summary>True/false (<see cref="bool"/>).</summary>
    Boolean,

    /// <summary>Dates (<see cref="DateOnly"/>).</summary>
    Date,

    /// <summary>Timestamps without time zone (<see cref="DateTime"/>).</summary>
    Timestamp,

    /// <summary>Anything else, kept as the driver gives it.</summary>
    Other,
}
