using System.Globalization;
using System.Numerics;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

public static partial class BuiltinFilters
{
    private static void RegisterNumberFilters(IDictionary<string, FilterFunc> f)
    {
        f["abs"] = static (_, v, a) =>
        {
            FilterArgs.OnlyValue(a, "abs");
            return v switch
            {
                long l => l == long.MinValue ? -(BigInteger)l : PyOps.Box(Math.Abs(l)),
                double d => Math.Abs(d),
                bool b => PyOps.Box(b ? 1L : 0L),
                BigInteger big => PyOps.Normalize(BigInteger.Abs(big)),
                _ => throw new TemplateException(ErrorKind.TypeError, $"bad operand type for abs(): '{PyOps.TypeName(v)}'"),
            };
        };
        f["int"] = static (_, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_int", 0, 0, "default", "base");
            return ToInt(v, args.Get(0, 0L), args.Get(1, 10L));
        };
        f["float"] = static (_, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_float", 0, 0, "default");
            return TryFloat(v, out var d) ? d : args.Get(0, 0.0);
        };
        f["round"] = static (_, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_round", 0, 0, "precision", "method");
            return Round(v, args.Get(0, 0L), args.Get(1, "common"));
        };
        f["filesizeformat"] = static (_, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_filesizeformat", 0, 0, "binary");
            return FileSizeFormat(v, args.Bool(0));
        };
    }

    private static object? ToInt(object? value, object? defaultValue, object? numberBase)
    {
        switch (PyOps.Text(value))
        {
            case Undefined u:
                throw u.Fail();
            case long or BigInteger:
                return value;
            case bool b:
                return PyOps.Box(b ? 1L : 0L);
            case double d:
                return FloatToInt(d) ?? defaultValue;
            case string s:
                if (numberBase is long or bool && PyNumberParser.TryParseInt(s, (int)Math.Clamp(MethodArgs.Index(numberBase), -1, 37), out var parsed))
                {
                    return parsed;
                }

                return PyNumberParser.TryParseFloat(s, out var f) ? FloatToInt(f) ?? defaultValue : defaultValue;
            default:
                return defaultValue;
        }
    }

    /// <summary>Python's <c>int(float)</c>: null for NaN (a ValueError Jinja catches), OverflowError for infinity.</summary>
    private static object? FloatToInt(double d)
    {
        if (double.IsNaN(d))
        {
            return null;
        }

        if (double.IsInfinity(d))
        {
            throw new TemplateException(ErrorKind.OverflowError, "cannot convert float infinity to integer");
        }

        return PyOps.Normalize(new BigInteger(Math.Truncate(d)));
    }

    /// <summary>Python's <c>float(value)</c>; false where Python raises TypeError or ValueError.</summary>
    private static bool TryFloat(object? value, out double result)
    {
        switch (PyOps.Text(value))
        {
            case Undefined u:
                throw u.Fail();
            case double d:
                result = d;
                return true;
            case long or bool:
                result = PyOps.ToDouble(value);
                return true;
            case BigInteger big:
                result = PyOps.BigToDouble(big);
                return true;
            case string s:
                return PyNumberParser.TryParseFloat(s, out result);
            default:
                result = 0;
                return false;
        }
    }

    private static object? Round(object? value, object? precisionValue, object? method)
    {
        if (method is not ("common" or "ceil" or "floor"))
        {
            throw new TemplateException(ErrorKind.FilterArgumentError, "method must be common, ceil or floor");
        }

        if (method is "common")
        {
            var digits = MethodArgs.Index(precisionValue);
            switch (value)
            {
                case double d:
                    return RoundFloat(d, digits);
                case long or bool or BigInteger:
                    return RoundInt(PyOps.ToBig(value), digits);
                default:
                    throw new TemplateException(ErrorKind.TypeError, $"type {PyOps.TypeName(value)} doesn't define __round__ method");
            }
        }

        var scale = PyOps.Power(10L, precisionValue);
        var scaled = PyOps.Multiply(value, scale);
        if (scaled is not (double or long or BigInteger or bool))
        {
            throw new TemplateException(ErrorKind.TypeError, $"must be real number, not {PyOps.TypeName(scaled)}");
        }

        object rounded = scaled is double sd
            ? FloatToInt(method is "ceil" ? Math.Ceiling(sd) : Math.Floor(sd)) ?? throw new TemplateException(ErrorKind.ValueError, "cannot convert float NaN to integer")
            : PyOps.Plus(scaled)!;
        return PyOps.Divide(rounded, scale);
    }

    /// <summary>Python's <c>round(float, ndigits)</c>: half-even on the exact binary value.</summary>
    internal static double RoundFloat(double value, long digits)
    {
        if (!double.IsFinite(value) || value == 0 || digits > 340)
        {
            return value;
        }

        if (digits < -340)
        {
            return 0.0 * Math.Sign(value);
        }

        var text = PyFormat.ScaledRoundDigits(Math.Abs(value), (int)digits) + "e" + (-digits).ToString(CultureInfo.InvariantCulture);
        var result = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(result))
        {
            throw new TemplateException(ErrorKind.OverflowError, "rounded value too large to represent");
        }

        return value < 0 ? -result : result;
    }

    private static object RoundInt(BigInteger value, long digits)
    {
        if (digits >= 0)
        {
            return PyOps.Normalize(value);
        }

        var unit = BigInteger.Pow(10, (int)Math.Min(-digits, 4000));
        var quotient = BigInteger.DivRem(BigInteger.Abs(value), unit, out var remainder);
        var cmp = (remainder * 2).CompareTo(unit);
        if (cmp > 0 || (cmp == 0 && !quotient.IsEven))
        {
            quotient += 1;
        }

        var result = quotient * unit;
        return PyOps.Normalize(value.Sign < 0 ? -result : result);
    }

    private static string FileSizeFormat(object? value, bool binary)
    {
        if (!TryFloat(value, out var bytes))
        {
            throw value is string s
                ? new TemplateException(ErrorKind.ValueError, $"could not convert string to float: {PyOps.Repr(s)}")
                : new TemplateException(ErrorKind.TypeError, $"float() argument must be a string or a real number, not '{PyOps.TypeName(value)}'");
        }

        var unitBase = binary ? 1024.0 : 1000.0;
        string[] prefixes = binary
            ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]
            : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
        if (bytes == 1)
        {
            return "1 Byte";
        }

        if (bytes < unitBase)
        {
            return PyOps.ToStr(FloatToInt(bytes)) + " Bytes";
        }

        // Python compares the float with the exact int power, and divides by it converted to float.
        var unit = BigInteger.Zero;
        var prefix = string.Empty;
        for (var i = 0; i < prefixes.Length; i++)
        {
            unit = BigInteger.Pow(binary ? 1024 : 1000, i + 2);
            prefix = prefixes[i];
            if (PyOps.LessThan(bytes, unit))
            {
                break;
            }
        }

        return PyFormat.FormatValue(unitBase * bytes / (double)unit, ".1f") + " " + prefix;
    }
}
