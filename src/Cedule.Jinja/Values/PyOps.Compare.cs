using System.Numerics;

namespace Cedule.Jinja.Values;

public static partial class PyOps
{
    private enum CompareOp
    {
        Lt,
        Le,
        Gt,
        Ge,
    }

    /// <summary>Python's <c>&lt;</c>; a TypeError across incomparable types (<c>1 &lt; 'a'</c>).</summary>
    public static bool LessThan(object? left, object? right) => RichCompare(left, right, CompareOp.Lt);

    /// <summary>Python's <c>&lt;=</c>.</summary>
    public static bool LessOrEqual(object? left, object? right) => RichCompare(left, right, CompareOp.Le);

    /// <summary>Python's <c>&gt;</c>.</summary>
    public static bool GreaterThan(object? left, object? right) => RichCompare(left, right, CompareOp.Gt);

    /// <summary>Python's <c>&gt;=</c>.</summary>
    public static bool GreaterOrEqual(object? left, object? right) => RichCompare(left, right, CompareOp.Ge);

    /// <summary>
    /// A three-way comparison built on Python's <c>&lt;</c> only, as <c>sorted</c>, <c>min</c> and
    /// <c>max</c> use it: -1, 0 or 1; a TypeError across incomparable types.
    /// </summary>
    public static int Compare(object? left, object? right)
    {
        if (left is long a && right is long b)
        {
            return a.CompareTo(b);
        }

        if (left is string sa && right is string sb)
        {
            return CompareCodePoints(sa, sb);
        }

        return LessThan(left, right) ? -1 : LessThan(right, left) ? 1 : 0;
    }

    private static bool RichCompare(object? left, object? right, CompareOp op)
    {
        if (left is long a && right is long b)
        {
            return Apply(a.CompareTo(b), op);
        }

        if (left is string sa && right is string sb)
        {
            return Apply(CompareCodePoints(sa, sb), op);
        }

        if (left is Markup || right is Markup)
        {
            return RichCompare(Text(left), Text(right), op);
        }

        if (left is Undefined ul)
        {
            throw ul.Fail();
        }

        if (right is Undefined ur)
        {
            throw ur.Fail();
        }

        if (IsNumber(left) && IsNumber(right))
        {
            var result = CompareNumbers(left!, right!);
            return result is { } r && Apply(r, op);
        }

        if (left is List<object?> la && right is List<object?> lb)
        {
            return CompareSequences(la, lb, op);
        }

        if (left is PyTuple ta && right is PyTuple tb)
        {
            return CompareSequences(ta, tb, op);
        }

        var symbol = op switch
        {
            CompareOp.Lt => "<",
            CompareOp.Le => "<=",
            CompareOp.Gt => ">",
            _ => ">=",
        };
        throw new TemplateException(
            ErrorKind.TypeError,
            $"'{symbol}' not supported between instances of '{TypeName(left)}' and '{TypeName(right)}'");
    }

    private static bool Apply(int comparison, CompareOp op) => op switch
    {
        CompareOp.Lt => comparison < 0,
        CompareOp.Le => comparison <= 0,
        CompareOp.Gt => comparison > 0,
        _ => comparison >= 0,
    };

    private static bool CompareSequences(IReadOnlyList<object?> left, IReadOnlyList<object?> right, CompareOp op)
    {
        var n = Math.Min(left.Count, right.Count);
        ValueRecursion.Enter(ValueRecursion.InComparison);
        try
        {
            for (var i = 0; i < n; i++)
            {
                if (!ReferenceEquals(left[i], right[i]) && !Equals(left[i], right[i]))
                {
                    return RichCompare(left[i], right[i], op);
                }
            }
        }
        finally
        {
            ValueRecursion.Leave();
        }

        return Apply(left.Count.CompareTo(right.Count), op);
    }

    /// <summary>Compares two numbers exactly; null when a NaN makes them unordered.</summary>
    private static int? CompareNumbers(object left, object right)
    {
        if (left is double || right is double)
        {
            if (left is double x && right is double y)
            {
                return double.IsNaN(x) || double.IsNaN(y) ? null : x.CompareTo(y);
            }

            var d = left is double dl ? dl : (double)right;
            if (double.IsNaN(d))
            {
                return null;
            }

            var other = left is double ? right : left;
            int result;
            if (double.IsInfinity(d))
            {
                result = d > 0 ? 1 : -1;
            }
            else if (other is long l && Math.Abs(l) < (1L << 53))
            {
                result = d.CompareTo(l);
            }
            else
            {
                // Exact comparison of a float with a big int: compare integer parts, then the fraction.
                var floor = Math.Floor(d);
                var cmp = new BigInteger(floor).CompareTo(ToBig(other));
                result = cmp != 0 ? cmp : (d > floor ? 1 : 0);
            }

            return left is double ? result : -result;
        }

        if (left is long a && right is long b)
        {
            return a.CompareTo(b);
        }

        return ToBig(left).CompareTo(ToBig(right));
    }

    /// <summary>Orders strings by code point, as Python does (UTF-16 ordinal order differs for astral characters).</summary>
    internal static int CompareCodePoints(string left, string right)
    {
        var n = Math.Min(left.Length, right.Length);
        var i = left.AsSpan(0, n).CommonPrefixLength(right.AsSpan(0, n));
        if (i == n)
        {
            return left.Length.CompareTo(right.Length);
        }

        var a = left[i];
        var b = right[i];
        if (char.IsSurrogate(a) != char.IsSurrogate(b))
        {
            // A surrogate (astral code point) sorts after every BMP character, including U+E000..U+FFFF.
            return char.IsSurrogate(a) ? (b >= 0xE000 ? 1 : a.CompareTo(b)) : (a >= 0xE000 ? -1 : a.CompareTo(b));
        }

        return a.CompareTo(b);
    }
}
