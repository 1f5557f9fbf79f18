using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Cedule.Core.Execution.Adapters;

/// <summary>
/// Turns what a driver's data reader returns into the few value families <see cref="ResultTable"/>
/// promises (string, long, decimal, double, bool, DateOnly, DateTime, null), so templates see the
/// same values whatever the database. Shared by every driver, so that "an INTEGER is a long" holds
/// everywhere.
/// </summary>
public static class ResultValues
{
    /// <summary>The family of values a column of this .NET type holds once normalized.</summary>
    public static ValueKind KindOf(Type clrType)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        return type switch
        {
            _ when type == typeof(string) || type == typeof(char) => ValueKind.Text,
            _ when type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte)
                || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong)
                || type == typeof(BigInteger) || type == typeof(Int128) || type == typeof(UInt128) => ValueKind.Integer,
            _ when type == typeof(decimal) => ValueKind.Decimal,
            _ when type == typeof(double) || type == typeof(float) || type == typeof(Half) => ValueKind.Float,
            _ when type == typeof(bool) => ValueKind.Boolean,
            _ when type == typeof(DateOnly) => ValueKind.Date,
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => ValueKind.Timestamp,
            _ => ValueKind.Other,
        };
    }

    /// <summary>
    /// One value as <see cref="ResultTable"/> holds it: whole numbers become <see cref="long"/> (or
    /// <see cref="decimal"/> past its range), floats <see cref="double"/>, offsets UTC
    /// <see cref="DateTime"/>, and anything without a family its invariant text (a list as
    /// <c>[1, 2]</c>, bytes as hex).
    /// </summary>
    public static object? Normalize(object? value) => value switch
    {
        null or DBNull => null,
        string or long or decimal or double or bool or DateOnly or DateTime => value,
        int i => (long)i,
        short s => (long)s,
        sbyte sb => (long)sb,
        byte b => (long)b,
        ushort us => (long)us,
        uint ui => (long)ui,
        ulong ul => ul <= long.MaxValue ? (long)ul : (decimal)ul,
        BigInteger big => Whole(big),
        Int128 i128 => Whole(i128),
        UInt128 u128 => Whole(u128),
        float f => double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        Half h => (double)h,
        DateTimeOffset offset => offset.UtcDateTime,
        char c => c.ToString(),
        _ => Text(value),
    };

    /// <summary>Reads every row of the reader's current result set, normalized.</summary>
    /// <param name="reader">A reader positioned on a result set.</param>
    /// <param name="columns">The result set's columns, described by the driver.</param>
    /// <param name="value">Reads one raw value (a driver that must ask for a specific type, such as a date, does it here).</param>
    /// <param name="cancellationToken">Checked between rows.</param>
    public static ResultTable ReadTable(
        DbDataReader reader, IReadOnlyList<ColumnInfo> columns, Func<DbDataReader, int, object?> value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(value);
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Normalize(value(reader, i));
            }

            rows.Add(row);
        }

        return new ResultTable(columns, rows);
    }

    private static object Whole<T>(T value)
        where T : IBinaryInteger<T>
    {
        if (long.TryParse(value.ToString(null, CultureInfo.InvariantCulture), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var asLong))
        {
            return asLong;
        }

        var text = value.ToString(null, CultureInfo.InvariantCulture);
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var asDecimal) ? asDecimal : text;
    }

    private static string Text(object value)
    {
        switch (value)
        {
            case byte[] bytes:
                return Convert.ToHexStringLower(bytes);
            case IDictionary dictionary:
            {
                var builder = new StringBuilder("{");
                var first = true;
                foreach (DictionaryEntry entry in dictionary)
                {
                    builder.Append(first ? string.Empty : ", ").Append(Item(entry.Key)).Append(": ").Append(Item(entry.Value));
                    first = false;
                }

                return builder.Append('}').ToString();
            }

            case IEnumerable items:
            {
                var builder = new StringBuilder("[");
                var first = true;
                foreach (var item in items)
                {
                    builder.Append(first ? string.Empty : ", ").Append(Item(item));
                    first = false;
                }

                return builder.Append(']').ToString();
            }

            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            default:
                return value.ToString() ?? string.Empty;
        }
    }

    private static string Item(object? value) => Normalize(value) switch
    {
        null => "NULL",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? string.Empty,
    };
}
