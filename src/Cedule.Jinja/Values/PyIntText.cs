using System.Globalization;
using System.Numerics;

namespace Cedule.Jinja.Values;

/// <summary>
/// Conversions between big integers and text with Python 3.11's limit: an int of more than
/// 4300 decimal digits is neither parsed from nor printed as decimal text (ValueError), because
/// the conversion is quadratic and a template could stall a server with one literal. Bases that
/// are powers of two have no limit (as in Python) and convert in linear time.
/// </summary>
internal static class PyIntText
{
    /// <summary>Python's <c>sys.get_int_max_str_digits()</c> default.</summary>
    public const int MaxDigits = 4300;

    // 10**4300 has 14,285 bits; any value with more bits than this has more than 4300 digits.
    private const int SurelyTooManyBits = 14_300;

    /// <summary>Python's <c>str(int)</c> for a big integer.</summary>
    public static string ToDecimal(BigInteger value)
    {
        if (value.GetBitLength() > SurelyTooManyBits)
        {
            throw TooMany(null);
        }

        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Length - (value.Sign < 0 ? 1 : 0) > MaxDigits ? throw TooMany(null) : text;
    }

    /// <summary>The error of <c>int(text)</c> for text of <paramref name="digits"/> decimal digits (null when not counted).</summary>
    public static TemplateException TooMany(int? digits) => new(
        ErrorKind.ValueError,
        "Exceeds the limit (4300 digits) for integer string conversion"
        + (digits is null ? string.Empty : $": value has {digits} digits")
        + "; use sys.set_int_max_str_digits() to increase the limit");

    /// <summary>
    /// Parses digits already checked to be valid in <paramref name="radix"/> (no sign, no
    /// underscores); decimal text longer than <see cref="MaxDigits"/> is refused.
    /// </summary>
    public static BigInteger Parse(ReadOnlySpan<char> digits, int radix)
    {
        if (BitOperations.IsPow2(radix))
        {
            return ParsePowerOfTwo(digits, BitOperations.Log2((uint)radix));
        }

        if (digits.Length > MaxDigits)
        {
            throw TooMany(digits.Length);
        }

        var value = BigInteger.Zero;
        foreach (var c in digits)
        {
            value = (value * radix) + Digit(c);
        }

        return value;
    }

    // Each digit is a fixed number of bits: pack them, least significant first, in one pass.
    private static BigInteger ParsePowerOfTwo(ReadOnlySpan<char> digits, int bitsPerDigit)
    {
        var bytes = new byte[((digits.Length * bitsPerDigit) + 7) / 8 + 1];
        var bit = 0;
        for (var i = digits.Length - 1; i >= 0; i--, bit += bitsPerDigit)
        {
            var d = Digit(digits[i]);
            for (var b = 0; b < bitsPerDigit; b++)
            {
                if ((d & (1 << b)) != 0)
                {
                    bytes[(bit + b) >> 3] |= (byte)(1 << ((bit + b) & 7));
                }
            }
        }

        return new BigInteger(bytes, isUnsigned: true);
    }

    /// <summary>The digits of a non-negative integer in base 2, 8 or 16 (lower case), in one pass over its bits.</summary>
    public static string ToPowerOfTwoBase(BigInteger magnitude, int radix)
    {
        if (magnitude.IsZero)
        {
            return "0";
        }

        var bitsPerDigit = BitOperations.Log2((uint)radix);
        var bytes = magnitude.ToByteArray(isUnsigned: true);
        var count = (int)((magnitude.GetBitLength() + bitsPerDigit - 1) / bitsPerDigit);
        return string.Create(count, (bytes, bitsPerDigit), static (chars, state) =>
        {
            var (bytes, bitsPerDigit) = state;
            for (var i = 0; i < chars.Length; i++)
            {
                var d = 0;
                for (var b = 0; b < bitsPerDigit; b++)
                {
                    var bit = (i * bitsPerDigit) + b;
                    if ((bit >> 3) < bytes.Length && (bytes[bit >> 3] & (1 << (bit & 7))) != 0)
                    {
                        d |= 1 << b;
                    }
                }

                chars[chars.Length - 1 - i] = "0123456789abcdef"[d];
            }
        });
    }

    private static int Digit(char c) => char.IsAsciiDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}
