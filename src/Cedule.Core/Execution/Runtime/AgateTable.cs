using System.Collections;
using System.Globalization;
using System.Text;
using Cedule.Core.Execution.Adapters;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution.Runtime;

/// <summary>
/// A query result as dbt's agate tables behave in templates: <c>table.columns[0].values()</c>,
/// <c>table.columns['c'].values()</c>, <c>table.column_names</c>, <c>table.rows[0][0]</c>,
/// <c>table.rows[0]['c']</c>, iteration over rows, <c>table|length</c>, <c>print_table()</c>.
/// </summary>
internal sealed class AgateTable(ResultTable table, Action<string> print) : IJinjaIndexable, IEnumerable<object?>
{
    private List<object?>? _rows;

    public ResultTable Table { get; } = table;

    public List<object?> Rows => _rows ??= [.. Table.Rows.Select(r => (object?)new AgateRow(this, r))];

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "columns" => new AgateColumns(this),
            "column_names" => new PyTuple([.. Table.Columns.Select(c => (object?)c.Name)]),
            "column_types" => new PyTuple([.. Table.Columns.Select(c => (object?)c.DataType)]),
            "rows" => Rows,
            "print_table" => new JinjaFunction(name, (_, args) =>
            {
                print(Render(args.Get(0, "max_rows", 20L) is long max ? (int)max : 20));
                return string.Empty;
            }),
            _ => null,
        };
        return value is not null;
    }

    public bool TryGetItem(object? key, out object? value)
    {
        value = key is long i && i >= -Rows.Count && i < Rows.Count ? Rows[(int)(i < 0 ? i + Rows.Count : i)] : null;
        return value is not null;
    }

    public int IndexOf(string column)
    {
        for (var i = 0; i < Table.Columns.Count; i++)
        {
            if (string.Equals(Table.Columns[i].Name, column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public IEnumerator<object?> GetEnumerator() => Rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string ToPythonString() => $"<agate.Table {Table.Rows.Count} rows>";

    private string Render(int maxRows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", Table.Columns.Select(c => c.Name)).Append(" |\n");
        foreach (var row in Table.Rows.Take(maxRows))
        {
            text.Append("| ").AppendJoin(" | ", row.Select(v => v is null ? string.Empty : PyOps.ToStr(v))).Append(" |\n");
        }

        if (Table.Rows.Count > maxRows)
        {
            text.Append(CultureInfo.InvariantCulture, $"... {Table.Rows.Count - maxRows} more rows\n");
        }

        return text.ToString();
    }
}

/// <summary><c>table.columns</c>: by position or by name.</summary>
internal sealed class AgateColumns(AgateTable table) : IJinjaIndexable, IEnumerable<object?>
{
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "keys" => new JinjaFunction(name, (_, _) => table.Table.Columns.Select(c => (object?)c.Name).ToList()),
            "values" => new JinjaFunction(name, (_, _) => this.ToList()),
            _ => null,
        };
        return value is not null;
    }

    public bool TryGetItem(object? key, out object? value)
    {
        var index = key switch
        {
            long i when i >= -table.Table.Columns.Count && i < table.Table.Columns.Count => (int)(i < 0 ? i + table.Table.Columns.Count : i),
            string name => table.IndexOf(name),
            _ => -1,
        };
        value = index >= 0 ? new AgateColumn(table, index) : null;
        return value is not null;
    }

    public IEnumerator<object?> GetEnumerator() => Enumerable.Range(0, table.Table.Columns.Count).Select(i => (object?)new AgateColumn(table, i)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string ToPythonString() => "<agate.MappedSequence>";
}

/// <summary>One column of a result: <c>.name</c>, <c>.values()</c>, <c>.data_type</c>.</summary>
internal sealed class AgateColumn(AgateTable table, int index) : IJinjaIndexable, IEnumerable<object?>
{
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "name" => table.Table.Columns[index].Name,
            "data_type" => table.Table.Columns[index].DataType,
            "values" => new JinjaFunction(name, (_, _) => new PyTuple([.. Values()])),
            "values_distinct" => new JinjaFunction(name, (_, _) => new PyTuple([.. Values().Distinct()])),
            "values_without_nulls" => new JinjaFunction(name, (_, _) => new PyTuple([.. Values().Where(v => v is not null)])),
            _ => null,
        };
        return value is not null;
    }

    public bool TryGetItem(object? key, out object? value)
    {
        var rows = table.Table.Rows;
        value = key is long i && i >= -rows.Count && i < rows.Count ? AgateRow.ToPy(rows[(int)(i < 0 ? i + rows.Count : i)][index]) : null;
        return key is long j && j >= -rows.Count && j < rows.Count;
    }

    public IEnumerator<object?> GetEnumerator() => Values().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string ToPythonString() => $"<agate.Column {table.Table.Columns[index].Name}>";

    private IEnumerable<object?> Values() => table.Table.Rows.Select(r => AgateRow.ToPy(r[index]));
}

/// <summary>One row: by position or by column name; iterates its values.</summary>
internal sealed class AgateRow(AgateTable table, object?[] values) : IJinjaIndexable, IEnumerable<object?>
{
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "keys" => new JinjaFunction(name, (_, _) => table.Table.Columns.Select(c => (object?)c.Name).ToList()),
            "values" => new JinjaFunction(name, (_, _) => values.Select(ToPy).ToList()),
            "dict" => new JinjaFunction(name, (_, _) => ToDict()),
            _ => null,
        };
        return value is not null;
    }

    public bool TryGetItem(object? key, out object? value)
    {
        var index = key switch
        {
            long i when i >= -values.Length && i < values.Length => (int)(i < 0 ? i + values.Length : i),
            string name => table.IndexOf(name),
            _ => -1,
        };
        value = index >= 0 ? ToPy(values[index]) : null;
        return index >= 0;
    }

    public IEnumerator<object?> GetEnumerator() => values.Select(ToPy).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string ToPythonString() => "<agate.Row: (" + string.Join(", ", values.Select(v => PyOps.Repr(ToPy(v)))) + ")>";

    private PyDict ToDict()
    {
        var dict = new PyDict(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            dict[table.Table.Columns[i].Name] = ToPy(values[i]);
        }

        return dict;
    }

    /// <summary>Database values as template values: integers are Python ints, dates print as ISO text.</summary>
    internal static object? ToPy(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        _ => PyConvert.FromDotNet(value),
    };
}
