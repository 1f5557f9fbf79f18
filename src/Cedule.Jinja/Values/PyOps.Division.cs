using System.Numerics;

namespace Cedule.Jinja.Values;

public static partial class PyOps
{
    /// <summary>Python's true division <c>/</c>: always a float.</summary>
    public static object? Divide(object? left, object? right)
    {
        FailIfUndefined(left, right);
        if (!IsNumber(left) || !IsNumber(right))
        {
            throw Unsupported("/", left, right);
        }

        var isFloat = left is double || right is double;
        if (IsZero(right))
        {
            throw new TemplateException(ErrorKind.ZeroDivisionError, isFloat ? "float division by zero" : "division by zero");
        }

        if (!isFloat && (left is BigInteger || right is BigInteger || !IsExactDouble(left) || !IsExactDouble(right)))
        {
            return BigTrueDivide(ToBig(left), ToBig(right));
        }

        return ToDouble(left) / ToDouble(right);
    }

    private static bool IsExactDouble(object? value) => value is not long l || (l > -(1L << 53) && l < (1L << 53));

    // Python divides ints exactly and rounds once (half-even) to a float.
    private static double BigTrueDivide(BigInteger a, BigInteger b)
    {
        var negative = (a.Sign < 0) != (b.Sign < 0);
        a = BigInteger.Abs(a);
        b = BigInteger.Abs(b);
        if (a.IsZero)
        {
            return negative ? -0.0 : 0.0;
        }

        // Scale so the integer quotient has at least 55 bits: 53 kept, one rounding bit, one sticky bit.
        var shift = 55 - (int)(a.GetBitLength() - b.GetBitLength());
        var quotient = BigInteger.DivRem(shift >= 0 ? a << shift : a, shift >= 0 ? b : b << -shift, out var remainder);
        if (!remainder.IsZero)
        {
            quotient |= BigInteger.One;
        }

        var extra = (int)quotient.GetBitLength() - 53;
        var mantissa = quotient >> extra;
        var rest = quotient - (mantissa << extra);
        var half = BigInteger.One << (extra - 1);
        if (rest > half || (rest == half && !mantissa.IsEven))
        {
            mantissa += 1;
        }

        var result = Math.ScaleB((double)mantissa, extra - shift);
        if (double.IsInfinity(result))
        {
            throw new TemplateException(ErrorKind.OverflowError, "integer division result too large for a float");
        }

        return negative ? -result : result;
    }

    /// <summary>Python's floor division <c>//</c>, rounding toward negative infinity (<c>-7 // 2 == -4</c>).</summary>
    public static object? FloorDivide(object? left, object? right)
    {
        FailIfUndefined(left, right);
        if (!IsNumber(left) || !IsNumber(right))
        {
            throw Unsupported("//", left, right);
        }

        if (left is double || right is double)
        {
            var y = ToDouble(right);
            if (y == 0)
            {
                throw new TemplateException(ErrorKind.ZeroDivisionError, "float floor division by zero");
            }

            return FloatDivMod(ToDouble(left), y).Div;
        }

        if (IsZero(right))
        {
            throw new TemplateException(ErrorKind.ZeroDivisionError, "integer division or modulo by zero");
        }

        if (TryGetLong(left, out var a) && TryGetLong(right, out var b) && !(a == long.MinValue && b == -1))
        {
            var q = a / b;
            if (a % b != 0 && ((a < 0) != (b < 0)))
            {
                q--;
            }

            return Box(q);
        }

        var bigA = ToBig(left);
        var bigB = ToBig(right);
        var quotient = BigInteger.DivRem(bigA, bigB, out var remainder);
        if (!remainder.IsZero && (remainder.Sign < 0) != (bigB.Sign < 0))
        {
            quotient -= 1;
        }

        return Normalize(quotient);
    }

    /// <summary>
    /// Python's <c>%</c>: modulo with the sign of the divisor (<c>-7 % 3 == 2</c>), or
    /// printf-style formatting when the left side is a string.
    /// </summary>
    public static object? Modulo(object? left, object? right, IRuntime? runtime = null)
    {
        if (left is string format)
        {
            return PyFormat.Percent(format, right, runtime);
        }

        if (left is Markup markup)
        {
            return new Markup(PyFormat.Percent(markup.Value, EscapeArguments(right), runtime));
        }

        FailIfUndefined(left, right);
        if (!IsNumber(left) || !IsNumber(right))
        {
            throw Unsupported("%", left, right);
        }

        if (left is double || right is double)
        {
            var y = ToDouble(right);
            if (y == 0)
            {
                throw new TemplateException(ErrorKind.ZeroDivisionError, "float modulo");
            }

            return FloatDivMod(ToDouble(left), y).Mod;
        }

        if (IsZero(right))
        {
            throw new TemplateException(ErrorKind.ZeroDivisionError, "integer modulo by zero");
        }

        if (TryGetLong(left, out var a) && TryGetLong(right, out var b))
        {
            if (b == -1)
            {
                return Box(0L);
            }

            var r = a % b;
            if (r != 0 && ((r < 0) != (b < 0)))
            {
                r += b;
            }

            return Box(r);
        }

        var bigB = ToBig(right);
        var remainder = BigInteger.Remainder(ToBig(left), bigB);
        if (!remainder.IsZero && (remainder.Sign < 0) != (bigB.Sign < 0))
        {
            remainder += bigB;
        }

        return Normalize(remainder);
    }

    // Markup % values escapes the values first, as MarkupSafe's _MarkupEscapeHelper does.
    private static object? EscapeArguments(object? values)
    {
        static object? EscapeOne(object? value) =>
            value is string s ? new Markup(Filters.BuiltinFilters.Escape(s)) : value;

        switch (values)
        {
            case PyTuple tuple:
                var items = new object?[tuple.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = EscapeOne(tuple[i]);
                }

                return new PyTuple(items);
            case PyDict dict:
                var escaped = new PyDict(dict.Count);
                foreach (var pair in dict)
                {
                    escaped[pair.Key] = EscapeOne(pair.Value);
                }

                return escaped;
            default:
                return EscapeOne(values);
        }
    }

    private static bool IsZero(object? value) => value switch
    {
        long l => l == 0,
        double d => d == 0,
        bool b => !b,
        BigInteger big => big.IsZero,
        _ => false,
    };

    // A port of CPython's float_divmod, so signs of zero and rounding match exactly.
    private static (double Div, double Mod) FloatDivMod(double vx, double wx)
    {
        var mod = vx % wx;
        var div = (vx - mod) / wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0))
            {
                mod += wx;
                div -= 1.0;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, wx);
        }

        double floorDiv;
        if (div != 0)
        {
            floorDiv = Math.Floor(div);
            if (div - floorDiv > 0.5)
            {
                floorDiv += 1.0;
            }
        }
        else
        {
            floorDiv = Math.CopySign(0.0, vx / wx);
        }

        return (floorDiv, mod);
    }
}
