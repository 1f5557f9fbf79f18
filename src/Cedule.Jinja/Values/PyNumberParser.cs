using System.Globalization;
using System.Numerics;
using System.Text;

namespace Cedule.Jinja.Values;

/// <summary>Python's <c>int(str, base)</c> and <c>float(str)</c> parsing rules.</summary>
internal static class PyNumberParser
{
    /// <summary>Python's <c>int(text, base)</c>; false where Python raises ValueError.</summary>
    public static bool TryParseInt(string text, int numberBase, out object? value)
    {
        value = null;
        if (numberBase is not (0 or (>= 2 and <= 36)))
        {
            return false;
        }

        var s = PyMethods.StripChars(text, null, true, true);
        var i = 0;
        var negative = false;
        if (i < s.Length && s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }

        var explicitZero = false;
        if (i + 1 < s.Length && s[i] == '0' && char.ToLowerInvariant(s[i + 1]) is 'x' or 'o' or 'b')
        {
            var prefixBase = char.ToLowerInvariant(s[i + 1]) switch
            {
                'x' => 16,
                'o' => 8,
                _ => 2,
            };
            if (numberBase == 0 || numberBase == prefixBase)
            {
                numberBase = prefixBase;
                i += 2;
                explicitZero = true;
                if (i < s.Length && s[i] == '_')
                {
                    i++;
                }
            }
        }

        var decimalDefault = numberBase == 0;
        if (numberBase == 0)
        {
            numberBase = 10;
        }

        var clean = new StringBuilder(s.Length - i);
        var digits = 0;
        var previousUnderscore = false;
        var allZero = true;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '_')
            {
                if (previousUnderscore || digits == 0)
                {
                    return false;
                }

                previousUnderscore = true;
                continue;
            }

            var digit = DigitValue(c);
            if (digit < 0 || digit >= numberBase)
            {
                return false;
            }

            allZero &= digit == 0;
            clean.Append((char)(digit < 10 ? '0' + digit : 'a' + digit - 10));
            digits++;
            previousUnderscore = false;
        }

        if (digits == 0 || previousUnderscore)
        {
            return false;
        }

        // Base 0 refuses leading zeros on non-zero decimals ("010"), as Python does.
        if (decimalDefault && !explicitZero && digits > 1 && DigitValue(s[negative || s[0] == '+' ? 1 : 0]) == 0 && !allZero)
        {
            return false;
        }

        // Python raises ValueError past 4300 decimal digits; int() then reports that as for any bad text.
        if (!BitOperations.IsPow2(numberBase) && digits > PyIntText.MaxDigits)
        {
            return false;
        }

        var result = PyIntText.Parse(clean.ToString(), numberBase);
        value = PyOps.Normalize(negative ? -result : result);
        return true;
    }

    private static int DigitValue(char c)
    {
        var d = CharUnicodeInfo.GetDecimalDigitValue(c);
        if (d >= 0)
        {
            return d;
        }

        return c switch
        {
            >= 'a' and <= 'z' => c - 'a' + 10,
            >= 'A' and <= 'Z' => c - 'A' + 10,
            _ => -1,
        };
    }

    /// <summary>Python's <c>float(text)</c>; false where Python raises ValueError.</summary>
    public static bool TryParseFloat(string text, out double value)
    {
        value = 0;
        var s = PyMethods.StripChars(text, null, true, true);
        if (s.Length == 0)
        {
            return false;
        }

        var body = s.TrimStart('+', '-');
        if (s.Length - body.Length > 1)
        {
            return false;
        }

        var negative = s[0] == '-';
        var lower = body.ToLowerInvariant();
        if (lower is "inf" or "infinity")
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (lower == "nan")
        {
            value = double.NaN;
            return true;
        }

        // Digits with single underscores between them, an optional fraction and exponent.
        var clean = new StringBuilder(body.Length);
        var sawDigit = false;
        var sawExponent = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            if (digit >= 0)
            {
                clean.Append((char)('0' + digit));
                sawDigit = true;
            }
            else if (c == '_')
            {
                if (i == 0 || i == body.Length - 1 || CharUnicodeInfo.GetDecimalDigitValue(body[i - 1]) < 0 || CharUnicodeInfo.GetDecimalDigitValue(body[i + 1]) < 0)
                {
                    return false;
                }
            }
            else if (c == '.' && !sawExponent)
            {
                clean.Append(c);
            }
            else if (c is 'e' or 'E' && sawDigit && !sawExponent)
            {
                sawExponent = true;
                clean.Append('e');
                if (i + 1 < body.Length && body[i + 1] is '+' or '-')
                {
                    clean.Append(body[++i]);
                }
            }
            else
            {
                return false;
            }
        }

        if (!sawDigit)
        {
            return false;
        }

        if (!double.TryParse(clean.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }
}
