using Cedule.Core.Execution.Adapters;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution.Runtime;

/// <summary>A column as dbt's <c>Column</c> objects behave in templates (<c>get_columns_in_relation</c> returns these).</summary>
internal sealed class ColumnObject(ColumnInfo column, char quote) : IJinjaObject
{
    public ColumnInfo Column { get; } = column;

    public bool TryGetAttribute(string name, out object? value)
    {
        var type = Column.DataType.ToLowerInvariant();
        value = name switch
        {
            "name" or "column" => Column.Name,
            "data_type" or "dtype" => Column.DataType,
            "quoted" => Context.Relation.QuoteIdentifier(Column.Name, quote),
            "is_string" => Test(name, Column.Kind == ValueKind.Text || type.Contains("char", StringComparison.Ordinal) || type.Contains("text", StringComparison.Ordinal)),
            "is_number" or "is_numeric" => Test(name, Column.Kind is ValueKind.Integer or ValueKind.Decimal or ValueKind.Float),
            "is_integer" => Test(name, Column.Kind == ValueKind.Integer),
            "is_float" => Test(name, Column.Kind == ValueKind.Float),
            "string_size" => new JinjaFunction(name, (_, _) => Size() ?? 256L),
            "char_size" => Size(),
            _ => null,
        };
        return value is not null || name == "char_size";
    }

    public string ToPythonString() => $"<Column {Column.Name} ({Column.DataType})>";

    private static JinjaFunction Test(string name, bool answer) => new(name, (_, _) => answer);

    private long? Size()
    {
        var open = Column.DataType.IndexOf('(', StringComparison.Ordinal);
        var close = Column.DataType.IndexOf(')', StringComparison.Ordinal);
        return open > 0 && close > open && long.TryParse(Column.DataType.AsSpan(open + 1, close - open - 1), System.Globalization.CultureInfo.InvariantCulture, out var size)
            ? size
            : null;
    }
}

/// <summary>dbt's <c>AdapterResponse</c> in templates: prints as its message.</summary>
internal sealed class ResponseObject(AdapterResponse response) : IJinjaObject
{
    public AdapterResponse Response { get; } = response;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "_message" or "message" => Response.Message,
            "code" => Response.Code,
            "rows_affected" => Response.RowsAffected,
            _ => null,
        };
        return value is not null || name == "code";
    }

    public string ToPythonString() => Response.Message;
}
