using System.Globalization;
using System.Numerics;
using System.Text;

namespace Cedule.Jinja.Values;

public static partial class PyFormat
{
    /// <summary>A parsed format specification: <c>[[fill]align][sign][z][#][0][width][grouping][.precision][type]</c>.</summary>
    internal struct Spec
    {
        public char Fill;
        public char Align;
        public char Sign;
        public bool NoNegativeZero;
        public bool Alternate;
        public bool ZeroPad;
        public int Width;
        public char Grouping;
        public int Precision;
        public char Type;
    }

    /// <summary>Python's <c>format(value, spec)</c>, what <c>str.format</c> applies to each field.</summary>
    public static string FormatValue(object? value, string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        switch (value)
        {
            case string s:
                return spec.Length == 0 ? s : FormatString(s, ParseSpec(spec, "str"));
            case Markup m:
                return spec.Length == 0 ? m.Value : FormatString(m.Value, ParseSpec(spec, "str"));
            case long or BigInteger:
                return spec.Length == 0 ? PyOps.ToStr(value) : FormatInteger(PyOps.ToBig(value), ParseSpec(spec, "int"), "int");
            case bool b:
                return spec.Length == 0 ? PyOps.ToStr(value) : FormatInteger(b ? 1 : 0, ParseSpec(spec, "bool"), "bool");
            case double d:
                return spec.Length == 0 ? PyOps.ToStr(value) : FormatFloat(d, ParseSpec(spec, "float"));
            default:
                return spec.Length == 0
                    ? PyOps.ToStr(value)
                    : throw new TemplateException(ErrorKind.TypeError, $"unsupported format string passed to {PyOps.TypeName(value)}.__format__");
        }
    }

    internal static Spec ParseSpec(string text, string typeName)
    {
        var spec = new Spec { Fill = ' ', Precision = -1 };
        var i = 0;
        if (text.Length >= 2 && text[1] is '<' or '>' or '=' or '^')
        {
            spec.Fill = text[0];
            spec.Align = text[1];
            i = 2;
        }
        else if (text.Length >= 1 && text[0] is '<' or '>' or '=' or '^')
        {
            spec.Align = text[0];
            i = 1;
        }

        if (i < text.Length && text[i] is '+' or '-' or ' ')
        {
            spec.Sign = text[i++];
        }

        if (i < text.Length && text[i] == 'z')
        {
            spec.NoNegativeZero = true;
            i++;
        }

        if (i < text.Length && text[i] == '#')
        {
            spec.Alternate = true;
            i++;
        }

        if (i < text.Length && text[i] == '0')
        {
            spec.ZeroPad = true;
            i++;
        }

        spec.Width = ReadNumber(text, ref i);
        if (i < text.Length && text[i] is ',' or '_')
        {
            spec.Grouping = text[i++];
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            spec.Precision = ReadNumber(text, ref i);
            if (spec.Precision < 0)
            {
                throw new TemplateException(ErrorKind.ValueError, "Format specifier missing precision");
            }
        }

        if (text.Length - i > 1)
        {
            throw new TemplateException(ErrorKind.ValueError, $"Invalid format specifier '{text}' for object of type '{typeName}'");
        }

        if (i < text.Length)
        {
            spec.Type = text[i];
        }

        if (spec.ZeroPad && spec.Align == '\0')
        {
            spec.Fill = '0';
            spec.Align = '=';
        }

        return spec;
    }

    private static int ReadNumber(string text, ref int i)
    {
        var start = i;
        var value = 0L;
        while (i < text.Length && text[i] is >= '0' and <= '9')
        {
            value = Math.Min((value * 10) + (text[i] - '0'), int.MaxValue);
            i++;
        }

        if (value > 100_000_000)
        {
            throw new TemplateException(ErrorKind.ValueError, "Too many decimal digits in format string");
        }

        return i == start ? -1 : (int)value;
    }

    private static string FormatString(string s, Spec spec)
    {
        if (spec.Type is not ('\0' or 's'))
        {
            throw UnknownCode(spec.Type, "str");
        }

        if (spec.Sign != '\0')
        {
            throw new TemplateException(ErrorKind.ValueError, "Sign not allowed in string format specifier");
        }

        if (spec.Alternate)
        {
            throw new TemplateException(ErrorKind.ValueError, "Alternate form (#) not allowed in string format specifier");
        }

        if (spec.Align == '=')
        {
            throw new TemplateException(ErrorKind.ValueError, "'=' alignment not allowed in string format specifier");
        }

        if (spec.Grouping != '\0')
        {
            throw new TemplateException(ErrorKind.ValueError, $"Cannot specify '{spec.Grouping}' with 's'.");
        }

        if (spec.Precision >= 0 && PyOps.StrLength(s) > spec.Precision)
        {
            s = (string)PyOps.Slice(s, null, (long)spec.Precision, null)!;
        }

        return Pad(string.Empty, s, spec, '<');
    }

    private static TemplateException UnknownCode(char code, string typeName) =>
        new(ErrorKind.ValueError, $"Unknown format code '{code}' for object of type '{typeName}'");

    private static string FormatInteger(BigInteger value, Spec spec, string typeName)
    {
        if (spec.Type is 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%')
        {
            return FormatFloat(PyOps.BigToDouble(value), spec);
        }

        if (spec.Type is not ('\0' or 'd' or 'n' or 'x' or 'X' or 'o' or 'b' or 'c'))
        {
            throw UnknownCode(spec.Type, typeName);
        }

        if (spec.Precision >= 0)
        {
            throw new TemplateException(ErrorKind.ValueError, "Precision not allowed in integer format specifier");
        }

        if (spec.NoNegativeZero)
        {
            throw new TemplateException(ErrorKind.ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        }

        if (spec.Grouping == ',' && spec.Type is not ('\0' or 'd'))
        {
            throw new TemplateException(ErrorKind.ValueError, $"Cannot specify ',' with '{spec.Type}'.");
        }

        if (spec.Type == 'c')
        {
            if (spec.Sign != '\0')
            {
                throw new TemplateException(ErrorKind.ValueError, "Sign not allowed with integer format specifier 'c'");
            }

            if (value < 0 || value > 0x10FFFF)
            {
                throw new TemplateException(ErrorKind.OverflowError, "%c arg not in range(0x110000)");
            }

            return Pad(string.Empty, char.ConvertFromUtf32((int)value), spec, '>');
        }

        var (body, prefix, groupSize) = IntegerBody(BigInteger.Abs(value), spec.Type, spec.Alternate);
        var sign = value.Sign < 0 ? "-" : spec.Sign is '+' or ' ' ? spec.Sign.ToString() : string.Empty;
        if (spec.Grouping != '\0')
        {
            return PadGrouped(sign + prefix, body, string.Empty, spec, spec.Grouping, groupSize);
        }

        return Pad(sign + prefix, body, spec, '>');
    }

    internal static (string Body, string Prefix, int GroupSize) IntegerBody(BigInteger magnitude, char type, bool alternate)
    {
        switch (type)
        {
            case 'x' or 'X':
                var hex = magnitude.IsZero ? "0" : magnitude.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
                return (type == 'X' ? hex.ToUpperInvariant() : hex, alternate ? (type == 'X' ? "0X" : "0x") : string.Empty, 4);
            case 'o':
                return (PyIntText.ToPowerOfTwoBase(magnitude, 8), alternate ? "0o" : string.Empty, 4);
            case 'b':
                return (PyIntText.ToPowerOfTwoBase(magnitude, 2), alternate ? "0b" : string.Empty, 4);
            default:
                return (PyIntText.ToDecimal(magnitude), string.Empty, 3);
        }
    }

    private static string FormatFloat(double value, Spec spec)
    {
        if (spec.Type is not ('\0' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or 'n' or '%'))
        {
            throw UnknownCode(spec.Type, "float");
        }

        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var magnitude = Math.Abs(value);
        var upper = spec.Type is 'E' or 'F' or 'G';
        var precision = spec.Precision < 0 ? 6 : spec.Precision;
        string body;
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            body = double.IsNaN(value) ? "nan" : "inf";
            body = upper ? body.ToUpperInvariant() : body;
            if (spec.Type == '%')
            {
                body += "%";
            }
        }
        else
        {
            body = spec.Type switch
            {
                'e' or 'E' => Exponent(magnitude, precision, upper, spec.Alternate),
                'f' or 'F' => Fixed(magnitude, precision, spec.Alternate),
                'g' or 'G' or 'n' => General(magnitude, precision, upper, spec.Alternate),
                '%' => Fixed(magnitude * 100, precision, spec.Alternate) + "%",
                _ => spec.Precision < 0 ? PyOps.FloatRepr(magnitude) : General(magnitude, precision, false, spec.Alternate, addDotZero: true),
            };
            if (spec.NoNegativeZero && negative && body.AsSpan().IndexOfAnyInRange('1', '9') < 0)
            {
                negative = false;
            }
        }

        var sign = negative ? "-" : spec.Sign is '+' or ' ' ? spec.Sign.ToString() : string.Empty;
        if (spec.Grouping != '\0' && char.IsAsciiDigit(body[0]))
        {
            var end = 0;
            while (end < body.Length && char.IsAsciiDigit(body[end]))
            {
                end++;
            }

            return PadGrouped(sign, body[..end], body[end..], spec, spec.Grouping, 3);
        }

        return Pad(sign, body, spec, '>');
    }

    private static string PadGrouped(string prefix, string digits, string rest, Spec spec, char separator, int size)
    {
        var grouped = Group(digits, separator, size);
        if (spec.Fill == '0' && spec.Align == '=')
        {
            // Zero padding is grouped too: '{:010,}' gives '01,234,567', as in Python.
            while (prefix.Length + grouped.Length + rest.Length < spec.Width)
            {
                digits = "0" + digits;
                grouped = Group(digits, separator, size);
            }
        }

        return Pad(prefix, grouped + rest, spec, '>');
    }

    private static string Pad(string prefix, string body, Spec spec, char defaultAlign)
    {
        var length = prefix.Length + PyOps.StrLength(body);
        if (spec.Width <= length)
        {
            return prefix.Length == 0 ? body : prefix + body;
        }

        var pad = spec.Width - length;
        var text = new StringBuilder(spec.Width);
        switch (spec.Align == '\0' ? defaultAlign : spec.Align)
        {
            case '<':
                text.Append(prefix).Append(body).Append(spec.Fill, pad);
                break;
            case '^':
                text.Append(spec.Fill, pad / 2).Append(prefix).Append(body).Append(spec.Fill, pad - (pad / 2));
                break;
            case '=':
                text.Append(prefix).Append(spec.Fill, pad).Append(body);
                break;
            default:
                text.Append(spec.Fill, pad).Append(prefix).Append(body);
                break;
        }

        return text.ToString();
    }
}
