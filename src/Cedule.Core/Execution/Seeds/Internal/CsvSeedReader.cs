using System.Globalization;
using Cedule.Core.Execution.Adapters;

namespace Cedule.Core.Execution.Seeds.Internal;

/// <summary>The two passes over a seed file: structure and types, then values.</summary>
internal static class CsvSeedReader
{
    private const int CancellationStride = 4096;

    public static (IReadOnlyList<SeedColumn> Columns, long RowCount) Infer(string path, SeedOptions options, CancellationToken cancellationToken)
    {
        using var tokenizer = Open(path, options);
        if (!tokenizer.ReadRow())
        {
            throw tokenizer.Error("the seed file is empty: it needs at least a header row", 1, 1);
        }

        var names = new string[tokenizer.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = tokenizer.Field(i).ToString();
            if (names[i].Trim().Length == 0)
            {
                throw tokenizer.Error(string.Create(CultureInfo.InvariantCulture, $"column {i + 1} of the header has no name"), tokenizer.RowLine, tokenizer.FieldColumn(i));
            }
        }

        var overrides = options.ColumnTypes ?? new Dictionary<string, string>();
        var inference = names.Select(n => overrides.ContainsKey(n) ? null : new ColumnInference()).ToArray();
        long rows = 0;
        while (tokenizer.ReadRow())
        {
            if (++rows % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            CheckWidth(tokenizer, names.Length);
            for (var i = 0; i < inference.Length; i++)
            {
                var value = tokenizer.Field(i).Trim();
                if (!value.IsEmpty)
                {
                    inference[i]?.Observe(value);
                }
            }
        }

        var columns = names.Select((name, i) => overrides.TryGetValue(name, out var type)
            ? new SeedColumn(name, ValueKind.Text, type)
            : new SeedColumn(name, inference[i]!.Kind)).ToList();
        return (columns, rows);
    }

    public static IEnumerable<object?[]> ReadRows(string path, SeedOptions options, IReadOnlyList<SeedColumn> columns, CancellationToken cancellationToken)
    {
        using var tokenizer = Open(path, options);
        tokenizer.ReadRow();
        long rows = 0;
        while (tokenizer.ReadRow())
        {
            if (++rows % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            CheckWidth(tokenizer, columns.Count);
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                var raw = tokenizer.Field(i);
                var value = raw.Trim();
                if (value.IsEmpty)
                {
                    continue;
                }

                var kind = columns[i].Kind;
                try
                {
                    // Text keeps its spaces, as agate's Text does; other types are read trimmed.
                    row[i] = kind == ValueKind.Text ? raw.ToString() : SeedValues.Convert(value, kind);
                }
                catch (Exception e) when (e is FormatException or OverflowException)
                {
                    throw tokenizer.Error($"'{value}' is not a {kind.ToString().ToLowerInvariant()} value as column '{columns[i].Name}' was typed (the file changed while it was loaded?)", tokenizer.RowLine, tokenizer.FieldColumn(i));
                }
            }

            yield return row;
        }
    }

    private static CsvTokenizer Open(string path, SeedOptions options)
    {
        var display = options.DisplayPath ?? path;
        try
        {
            return new CsvTokenizer(path, options.Delimiter, display);
        }
        catch (IOException e)
        {
            throw new Diagnostics.ProjectException(Diagnostics.Diagnostic.Error(
                Diagnostics.DiagnosticCodes.SeedCsv, $"cannot read the seed file: {e.Message}", SourceLocation.InFile(display)));
        }
    }

    private static void CheckWidth(CsvTokenizer tokenizer, int width)
    {
        if (tokenizer.FieldCount == width)
        {
            return;
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"this row has {tokenizer.FieldCount} fields but the header has {width} columns");
        throw tokenizer.FieldCount > width
            ? tokenizer.Error(message, tokenizer.RowEndLine, tokenizer.FieldColumn(width))
            : tokenizer.Error(message, tokenizer.RowEndLine, tokenizer.RowEndColumn);
    }
}
