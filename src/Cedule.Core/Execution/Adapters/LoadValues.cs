using System.Globalization;

namespace Cedule.Core.Execution.Adapters;

/// <summary>
/// Converts a value handed to <see cref="IDatabaseConnection.BulkLoad"/> to what the target column
/// holds, with the invariant culture: a bulk load writes binary values, so a seed column whose
/// <c>column_types</c> override made it text must still reach an integer column as a number.
/// Every driver converts the same way.
/// </summary>
public static class LoadValues
{
    /// <summary>A whole number.</summary>
    public static long ToInt64(object value) => value switch
    {
        long l => l,
        string s => long.Parse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    /// <summary>An exact decimal.</summary>
    public static decimal ToDecimal(object value) => value switch
    {
        decimal d => d,
        string s => decimal.Parse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A floating-point number.</summary>
    public static double ToDouble(object value) => value switch
    {
        double d => d,
        string s => double.Parse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A boolean (<c>true</c>/<c>false</c> in any case, or a number: non-zero is true).</summary>
    public static bool ToBoolean(object value) => value switch
    {
        bool b => b,
        string s => bool.Parse(s.Trim()),
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture) != 0,
    };

    /// <summary>A date.</summary>
    public static DateOnly ToDate(object value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s => DateOnly.Parse(s.Trim(), CultureInfo.InvariantCulture),
        _ => throw Unconvertible(value, "a date"),
    };

    /// <summary>A timestamp without time zone (an offset is converted to UTC).</summary>
    public static DateTime ToTimestamp(object value) => value switch
    {
        DateTime t => t,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset o => o.UtcDateTime,
        string s => DateTime.Parse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces),
        _ => throw Unconvertible(value, "a timestamp"),
    };

    /// <summary>Text: strings as they are, anything else in its invariant spelling.</summary>
    public static string ToText(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static FormatException Unconvertible(object value, string what) =>
        new($"cannot load {value.GetType().Name} value '{ToText(value)}' as {what}");
}
