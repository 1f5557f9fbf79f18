using System.Numerics;

namespace Cedule.Jinja.Values;

public static partial class PyOps
{
    /// <summary>
    /// Python's <c>**</c>: exact for non-negative int exponents (fuel is spent in proportion to the
    /// size of the result before computing it), a float otherwise (<c>2 ** -1 == 0.5</c>).
    /// </summary>
    public static object? Power(object? left, object? right, IRuntime? runtime = null)
    {
        FailIfUndefined(left, right);
        if (!IsNumber(left) || !IsNumber(right))
        {
            throw Unsupported("** or pow()", left, right);
        }

        if (IsInt(left) && IsInt(right))
        {
            var exponent = ToBig(right);
            if (exponent.Sign >= 0)
            {
                return IntPower(ToBig(left), exponent, runtime);
            }
        }

        return FloatPower(ToDouble(left), ToDouble(right));
    }

    private static object IntPower(BigInteger value, BigInteger exponent, IRuntime? runtime)
    {
        if (exponent.IsZero || value.IsOne)
        {
            return Box(1L);
        }

        if (value.IsZero)
        {
            return Box(0L);
        }

        if (value == BigInteger.MinusOne)
        {
            return Box(exponent.IsEven ? 1L : -1L);
        }

        // Size of the result in bytes, estimated before the work so a huge power runs out of fuel instead of memory.
        var bits = (double)value.GetBitLength() * (double)exponent;
        var cost = (long)Math.Min(bits / 8, long.MaxValue / 2);
        Charge(runtime, cost);
        if (exponent > int.MaxValue || bits > int.MaxValue)
        {
            throw new TemplateException(ErrorKind.OverflowError, "result too large");
        }

        if (value >= long.MinValue && value <= long.MaxValue && bits < 62)
        {
            var b = (long)value;
            var result = 1L;
            for (var i = 0; i < (int)exponent; i++)
            {
                result *= b;
            }

            return Box(result);
        }

        return Normalize(BigInteger.Pow(value, (int)exponent));
    }

    // Follows CPython's float_pow, which adds Python's errors to C's pow.
    private static double FloatPower(double x, double y)
    {
        if (y == 0)
        {
            return 1.0;
        }

        if (double.IsNaN(x))
        {
            return x;
        }

        if (double.IsNaN(y))
        {
            return x == 1.0 ? 1.0 : y;
        }

        if (x == 0 && y < 0 && !double.IsInfinity(y))
        {
            throw new TemplateException(ErrorKind.ZeroDivisionError, "0.0 cannot be raised to a negative power");
        }

        if (x < 0 && !double.IsInfinity(x) && !double.IsInfinity(y) && y != Math.Floor(y))
        {
            // Python returns a complex number here; templates have no complex type.
            throw new TemplateException(ErrorKind.ValueError, "math domain error");
        }

        var result = Math.Pow(x, y);
        if (double.IsInfinity(result) && !double.IsInfinity(x) && !double.IsInfinity(y) && x != 0)
        {
            throw new TemplateException(ErrorKind.OverflowError, "(34, 'Numerical result out of range')");
        }

        return result;
    }
}
