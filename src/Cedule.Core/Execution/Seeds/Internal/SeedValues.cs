using System.Globalization;
using Cedule.Core.Execution.Adapters;

namespace Cedule.Core.Execution.Seeds.Internal;

/// <summary>
/// agate's seed types, as dbt configures them, on one trimmed field: the recognizers decide a
/// column's type, the converters produce its values. Everything is invariant-culture.
/// </summary>
internal static class SeedValues
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmzz", "yyyy-MM-dd'T'HH:mm:sszz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz",
    ];

    private static readonly string[] SpaceFormats = ["yyyy-M-d H:m:s"];
    private static readonly string[] DateFormats = ["yyyy-M-d"];

    public static bool IsBoolean(ReadOnlySpan<char> s) =>
        s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>A number as agate reads it (commas are thousands separators); <paramref name="integer"/> when it has no decimal point or exponent and fits a long.</summary>
    public static bool IsNumber(ReadOnlySpan<char> s, out bool integer)
    {
        integer = false;
        Span<char> stripped = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
        var length = 0;
        var digits = false;
        var plain = true;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ',')
            {
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                digits = true;
            }
            else if (c is '.' or 'e' or 'E')
            {
                plain = false;
            }
            else if (c is not ('+' or '-'))
            {
                return false;
            }

            stripped[length++] = c;
        }

        if (!digits)
        {
            return false;
        }

        var number = stripped[..length];
        if (plain && long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            integer = true;
            return true;
        }

        return decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _);
    }

    public static bool IsDate(ReadOnlySpan<char> s) =>
        s.Length is >= 8 and <= 10 && DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary><c>YYYY-MM-DD HH:MM:SS</c> (agate's DateTime format in dbt), without fraction.</summary>
    public static bool IsSpaceTimestamp(ReadOnlySpan<char> s) =>
        s.Length is >= 13 and <= 19 && DateTime.TryParseExact(s, SpaceFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>ISO 8601 with a <c>T</c> (dbt's ISODateTime), optional fraction and offset.</summary>
    public static bool IsIsoTimestamp(ReadOnlySpan<char> s) =>
        s.Length >= 16 && s[10] == 'T' && DateTimeOffset.TryParseExact(s, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    /// <summary>Converts a non-empty trimmed field of a column of <paramref name="kind"/>.</summary>
    public static object Convert(ReadOnlySpan<char> s, ValueKind kind)
    {
        switch (kind)
        {
            case ValueKind.Integer:
                return long.Parse(WithoutCommas(s), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            case ValueKind.Decimal:
                return decimal.Parse(WithoutCommas(s), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
            case ValueKind.Boolean:
                return s.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
                    : s.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
                    : throw new FormatException("not true or false");
            case ValueKind.Date:
                return DateOnly.ParseExact(s, DateFormats, CultureInfo.InvariantCulture);
            case ValueKind.Timestamp:
                return s.Length > 10 && s[10] == 'T'
                    ? DateTimeOffset.ParseExact(s, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) is var o && HasOffset(s) ? o.UtcDateTime : o.DateTime
                    : DateTime.ParseExact(s, SpaceFormats, CultureInfo.InvariantCulture);
            default:
                return s.ToString();
        }
    }

    private static bool HasOffset(ReadOnlySpan<char> s) =>
        s[^1] is 'Z' or 'z' || s[16..].IndexOfAny('+', '-') >= 0;

    private static ReadOnlySpan<char> WithoutCommas(ReadOnlySpan<char> s) =>
        s.Contains(',') ? s.ToString().Replace(",", string.Empty, StringComparison.Ordinal) : s;
}
