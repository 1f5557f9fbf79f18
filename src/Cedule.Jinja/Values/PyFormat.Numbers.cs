using System.Globalization;
using System.Numerics;
using System.Text;

namespace Cedule.Jinja.Values;

public static partial class PyFormat
{
    private static readonly BigInteger[] PowersOfTen = MakePowersOfTen();

    /// <summary>
    /// round-half-even(<paramref name="value"/> × 10^<paramref name="scale"/>), computed exactly on the
    /// binary double as Python's dtoa does (so <c>'%.2f' % 2.675</c> is <c>2.67</c> and <c>'%.0f' % 2.5</c> is <c>2</c>).
    /// </summary>
    internal static BigInteger ScaledRound(double value, int scale)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        var numerator = new BigInteger(mantissa);
        var denominator = BigInteger.One;
        if (exponent >= 0)
        {
            numerator <<= exponent;
        }
        else
        {
            denominator <<= -exponent;
        }

        if (scale >= 0)
        {
            numerator *= Pow10(scale);
        }
        else
        {
            denominator *= Pow10(-scale);
        }

        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder << 1;
        var cmp = twice.CompareTo(denominator);
        if (cmp > 0 || (cmp == 0 && !quotient.IsEven))
        {
            quotient += 1;
        }

        return quotient;
    }

    /// <summary>
    /// The decimal digits of <see cref="ScaledRound"/> (no leading zeros; "0" for zero). Most values
    /// take a 128-bit path that allocates only the string.
    /// </summary>
    internal static string ScaledRoundDigits(double value, int scale)
    {
        return TrySmallScaledRound(value, scale, out var quotient)
            ? quotient.ToString(CultureInfo.InvariantCulture)
            : ScaledRound(value, scale).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><see cref="ScaledRound"/> in 128-bit arithmetic, for the common case where it fits (false otherwise).</summary>
    private static bool TrySmallScaledRound(double value, int scale, out UInt128 quotient)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = (ulong)(bits & 0xFFFFFFFFFFFFFL);
        if (exponent != 0)
        {
            mantissa |= 1UL << 52;
        }
        else
        {
            exponent = 1;
        }

        exponent -= 1075;
        if (scale is < 0 or > 19 || exponent is > 0 or < -127)
        {
            quotient = default;
            return false;
        }

        var numerator = (UInt128)mantissa * Pow10Small(scale);
        var shift = -exponent;
        quotient = shift == 0 ? numerator : numerator >> shift;
        if (shift > 0)
        {
            var remainder = numerator - (quotient << shift);
            var half = UInt128.One << (shift - 1);
            if (remainder > half || (remainder == half && (quotient & UInt128.One) != UInt128.Zero))
            {
                quotient++;
            }
        }

        return true;
    }

    private static ulong Pow10Small(int n)
    {
        var result = 1UL;
        for (var i = 0; i < n; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static BigInteger Pow10(int n) => n < PowersOfTen.Length ? PowersOfTen[n] : BigInteger.Pow(10, n);

    /// <summary>Fixed notation of a non-negative finite double with <paramref name="precision"/> decimals.</summary>
    internal static string Fixed(double value, int precision, bool alternate = false)
    {
        // Common case: digits formatted on the stack and laid out there, one string allocated.
        Span<char> digitBuffer = stackalloc char[40];
        if (precision > 0 && TrySmallScaledRound(value, precision, out var quotient)
            && quotient.TryFormat(digitBuffer, out var count, default, CultureInfo.InvariantCulture))
        {
            var integerLength = Math.Max(1, count - precision);
            var zeros = integerLength + precision - count;
            Span<char> padded = stackalloc char[64];
            padded[..zeros].Fill('0');
            digitBuffer[..count].CopyTo(padded[zeros..]);
            Span<char> result = stackalloc char[64];
            padded[..integerLength].CopyTo(result);
            result[integerLength] = '.';
            padded[integerLength..(integerLength + precision)].CopyTo(result[(integerLength + 1)..]);
            return new string(result[..(integerLength + 1 + precision)]);
        }

        var digits = ScaledRoundDigits(value, precision);
        if (precision == 0)
        {
            return alternate ? digits + "." : digits;
        }

        var integerDigits = Math.Max(1, digits.Length - precision);
        var padding = integerDigits + precision - digits.Length;
        return string.Create(integerDigits + 1 + precision, (digits, padding, integerDigits), static (span, state) =>
        {
            var (text, zeros, integerLength) = state;
            span[..zeros].Fill('0');
            text.AsSpan().CopyTo(span[zeros..]);
            // Shift the fraction right by one to make room for the point.
            span[integerLength..^1].CopyTo(span[(integerLength + 1)..]);
            span[integerLength] = '.';
        });
    }

    /// <summary><paramref name="precision"/>+1 significant digits of a non-negative finite double and its decimal exponent.</summary>
    internal static (string Digits, int Exponent) Significant(double value, int precision)
    {
        if (value == 0)
        {
            return (new string('0', precision + 1), 0);
        }

        var exponent = (int)Math.Floor(Math.Log10(value));
        var n = ScaledRoundDigits(value, precision - exponent);
        if (n.Length > precision + 1)
        {
            exponent++;
            n = ScaledRoundDigits(value, precision - exponent);
        }
        else if (n.Length < precision + 1)
        {
            exponent--;
            n = ScaledRoundDigits(value, precision - exponent);
        }

        return (n, exponent);
    }

    /// <summary>Exponent notation (<c>1.234560e+03</c>) of a non-negative finite double.</summary>
    internal static string Exponent(double value, int precision, bool upper, bool alternate = false)
    {
        var (digits, exponent) = Significant(value, precision);
        var text = new StringBuilder(precision + 8);
        text.Append(digits[0]);
        if (precision > 0 || alternate)
        {
            text.Append('.').Append(digits, 1, precision);
        }

        PyOps.AppendExponent(text, upper ? 'E' : 'e', exponent);
        return text.ToString();
    }

    /// <summary>
    /// General notation (<c>%g</c>) of a non-negative finite double; <paramref name="addDotZero"/> is the
    /// variant used by <c>format()</c> without a type, which keeps at least one decimal.
    /// </summary>
    internal static string General(double value, int precision, bool upper, bool alternate, bool addDotZero = false)
    {
        if (precision == 0)
        {
            precision = 1;
        }

        var (digits, exponent) = Significant(value, precision - 1);
        if (value == 0)
        {
            exponent = 0;
        }

        string text;
        if (exponent >= -4 && exponent < (addDotZero ? precision - 1 : precision))
        {
            text = Fixed(value, precision - 1 - exponent, alternate);
            if (!alternate && text.Contains('.', StringComparison.Ordinal))
            {
                text = text.TrimEnd('0').TrimEnd('.');
            }

            if (addDotZero && !text.Contains('.', StringComparison.Ordinal))
            {
                text += ".0";
            }
        }
        else
        {
            var mantissa = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            if (!alternate && mantissa.Contains('.', StringComparison.Ordinal))
            {
                mantissa = mantissa.TrimEnd('0').TrimEnd('.');
            }

            var builder = new StringBuilder(mantissa);
            PyOps.AppendExponent(builder, upper ? 'E' : 'e', exponent);
            text = builder.ToString();
        }

        return text;
    }

    /// <summary>Inserts a thousands separator every <paramref name="size"/> digits of the integer part.</summary>
    internal static string Group(string digits, char separator, int size)
    {
        if (digits.Length <= size)
        {
            return digits;
        }

        var text = new StringBuilder(digits.Length + (digits.Length / size));
        var first = digits.Length % size;
        if (first == 0)
        {
            first = size;
        }

        text.Append(digits, 0, first);
        for (var i = first; i < digits.Length; i += size)
        {
            text.Append(separator).Append(digits, i, size);
        }

        return text.ToString();
    }

    private static BigInteger[] MakePowersOfTen()
    {
        var powers = new BigInteger[64];
        powers[0] = BigInteger.One;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
