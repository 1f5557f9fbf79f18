using System.Globalization;
using System.Numerics;
using System.Text;

namespace Cedule.Jinja.Values;

public static partial class PyFormat
{
    private static string PercentCore(string format, object? values, IRuntime? runtime)
    {
        var positional = values is PyTuple tuple ? tuple : null;
        var count = positional?.Count ?? 1;
        var mapping = values as PyDict;
        var next = 0;
        var usedMapping = false;
        var text = new StringBuilder(format.Length + 16);
        var i = 0;
        while (i < format.Length)
        {
            var percent = format.IndexOf('%', i);
            if (percent < 0)
            {
                text.Append(format, i, format.Length - i);
                break;
            }

            text.Append(format, i, percent - i);
            i = percent + 1;
            if (i >= format.Length)
            {
                throw new TemplateException(ErrorKind.ValueError, "incomplete format");
            }

            object? value = null;
            var hasValue = false;
            if (format[i] == '(')
            {
                if (mapping is null)
                {
                    throw new TemplateException(ErrorKind.TypeError, "format requires a mapping");
                }

                var depth = 1;
                var keyStart = ++i;
                while (i < format.Length && depth > 0)
                {
                    depth += format[i] == '(' ? 1 : format[i] == ')' ? -1 : 0;
                    i++;
                }

                if (depth > 0)
                {
                    throw new TemplateException(ErrorKind.ValueError, "incomplete format key");
                }

                var key = format[keyStart..(i - 1)];
                value = mapping.TryGetValue(key, out var found) ? found : throw new TemplateException(ErrorKind.KeyError, PyOps.Repr(key));
                hasValue = true;
                usedMapping = true;
            }

            var spec = new Spec { Fill = ' ', Precision = -1, Width = -1 };
            var leftAlign = false;
            for (; i < format.Length && format[i] is '-' or '+' or ' ' or '#' or '0'; i++)
            {
                switch (format[i])
                {
                    case '-':
                        leftAlign = true;
                        break;
                    case '+':
                        spec.Sign = '+';
                        break;
                    case ' ':
                        spec.Sign = spec.Sign == '+' ? '+' : ' ';
                        break;
                    case '#':
                        spec.Alternate = true;
                        break;
                    default:
                        spec.ZeroPad = true;
                        break;
                }
            }

            if (i < format.Length && format[i] == '*')
            {
                spec.Width = (int)Math.Min(int.MaxValue, StarArgument(positional, values, ref next, count));
                if (spec.Width < 0)
                {
                    leftAlign = true;
                    spec.Width = -spec.Width;
                }

                i++;
            }
            else
            {
                spec.Width = ReadNumber(format, ref i);
            }

            if (i < format.Length && format[i] == '.')
            {
                i++;
                if (i < format.Length && format[i] == '*')
                {
                    spec.Precision = (int)Math.Max(0, Math.Min(int.MaxValue, StarArgument(positional, values, ref next, count)));
                    i++;
                }
                else
                {
                    spec.Precision = Math.Max(0, ReadNumber(format, ref i));
                }
            }

            while (i < format.Length && format[i] is 'h' or 'l' or 'L')
            {
                i++;
            }

            if (i >= format.Length)
            {
                throw new TemplateException(ErrorKind.ValueError, "incomplete format");
            }

            var type = format[i++];
            if (type == '%' && !hasValue)
            {
                text.Append('%');
                continue;
            }

            if (!hasValue)
            {
                if (next >= count)
                {
                    throw new TemplateException(ErrorKind.TypeError, "not enough arguments for format string");
                }

                value = positional is null ? values : positional[next];
                next++;
            }

            spec.Align = leftAlign ? '<' : '>';
            // Padding and precision are paid before the piece is built, so a huge one fails without allocating.
            PyOps.Charge(runtime, (long)Math.Max(spec.Width, 0) + Math.Max(spec.Precision, 0));

            var piece = PercentOne(type, value, spec, i - 1);
            if (text.Length == 0 && i == format.Length && next >= count)
            {
                // A format that is one conversion ('%.2f') needs no builder.
                PyOps.Charge(runtime, piece.Length);
                return piece;
            }

            text.Append(piece);
        }

        if (!usedMapping && next < count && !(values is PyDict or List<object?> or IJinjaIndexable))
        {
            throw new TemplateException(ErrorKind.TypeError, "not all arguments converted during string formatting");
        }

        PyOps.Charge(runtime, text.Length);
        return text.ToString();
    }

    private static long StarArgument(PyTuple? positional, object? values, ref int next, int count)
    {
        if (next >= count)
        {
            throw new TemplateException(ErrorKind.TypeError, "not enough arguments for format string");
        }

        var value = positional is null ? values : positional[next];
        next++;
        return value is long or bool ? MethodArgs.Index(value) : throw new TemplateException(ErrorKind.TypeError, "* wants int");
    }

    private static string PercentOne(char type, object? value, Spec spec, int index)
    {
        switch (type)
        {
            case 's' or 'r' or 'a':
                var s = type switch
                {
                    's' => PyOps.ToStr(value),
                    'r' => PyOps.Repr(value),
                    _ => Ascii(PyOps.Repr(value)),
                };
                if (spec.Precision >= 0 && PyOps.StrLength(s) > spec.Precision)
                {
                    s = (string)PyOps.Slice(s, null, (long)spec.Precision, null)!;
                }

                return Pad(string.Empty, s, spec, '>');
            case 'd' or 'i' or 'u' or 'x' or 'X' or 'o':
                var integer = PercentInteger(type, value);
                var (body, prefix, _) = IntegerBody(BigInteger.Abs(integer), type is 'x' or 'X' or 'o' ? type : 'd', spec.Alternate);
                if (spec.Precision > body.Length)
                {
                    body = new string('0', spec.Precision - body.Length) + body;
                }

                var sign = integer.Sign < 0 ? "-" : spec.Sign is '+' or ' ' ? spec.Sign.ToString() : string.Empty;
                return PadPercentNumber(sign + prefix, body, spec);
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                if (!PyOps.IsNumber(value))
                {
                    throw value is Undefined u ? u.Fail() : new TemplateException(ErrorKind.TypeError, $"must be real number, not {PyOps.TypeName(value)}");
                }

                var d = PyOps.ToDouble(value);
                if (!double.IsFinite(d))
                {
                    var special = FormatFloat(d, spec with { Type = type, Width = 0, Align = '\0', Fill = ' ' });
                    return Pad(string.Empty, special, spec, '>');
                }

                var precision = spec.Precision < 0 ? 6 : spec.Precision;
                var magnitude = Math.Abs(d);
                var digits = type switch
                {
                    'f' or 'F' => Fixed(magnitude, precision, spec.Alternate),
                    'e' or 'E' => Exponent(magnitude, precision, type == 'E', spec.Alternate),
                    _ => General(magnitude, precision, type == 'G', spec.Alternate),
                };
                var floatSign = d < 0 || (d == 0 && double.IsNegative(d)) ? "-" : spec.Sign is '+' or ' ' ? spec.Sign.ToString() : string.Empty;
                return spec.Width <= 0 ? floatSign + digits : PadPercentNumber(floatSign, digits, spec);
            case 'c':
                string character;
                if (value is string { Length: > 0 } single && PyOps.StrLength(single) == 1)
                {
                    character = single;
                }
                else if (value is long or bool or BigInteger)
                {
                    var code = PyOps.ToBig(value);
                    character = code < 0 || code > 0x10FFFF
                        ? throw new TemplateException(ErrorKind.OverflowError, "%c arg not in range(0x110000)")
                        : char.ConvertFromUtf32((int)code);
                }
                else
                {
                    throw new TemplateException(ErrorKind.TypeError, "%c requires int or char");
                }

                return Pad(string.Empty, character, spec, '>');
            default:
                throw new TemplateException(
                    ErrorKind.ValueError,
                    $"unsupported format character '{type}' (0x{((int)type).ToString("x", CultureInfo.InvariantCulture)}) at index {index}");
        }
    }

    private static string PadPercentNumber(string prefix, string body, Spec spec)
    {
        if (spec.ZeroPad && spec.Align != '<')
        {
            spec.Fill = '0';
            spec.Align = '=';
        }

        return Pad(prefix, body, spec, '>');
    }

    private static BigInteger PercentInteger(char type, object? value)
    {
        switch (value)
        {
            case long or bool or BigInteger:
                return PyOps.ToBig(value);
            case double d when type is 'd' or 'i' or 'u':
                if (double.IsNaN(d))
                {
                    throw new TemplateException(ErrorKind.ValueError, "cannot convert float NaN to integer");
                }

                return double.IsInfinity(d)
                    ? throw new TemplateException(ErrorKind.OverflowError, "cannot convert float infinity to integer")
                    : new BigInteger(Math.Truncate(d));
            case Undefined u:
                throw u.Fail();
            default:
                throw type is 'd' or 'i' or 'u'
                    ? new TemplateException(ErrorKind.TypeError, $"%{type} format: a real number is required, not {PyOps.TypeName(value)}")
                    : new TemplateException(ErrorKind.TypeError, $"%{type} format: an integer is required, not {PyOps.TypeName(value)}");
        }
    }
}
