using System.Numerics;

namespace Cedule.Jinja.Values;

public static partial class PyOps
{
    /// <summary>
    /// Python's <c>==</c>: numbers by value across bool, int and float (<c>1 == 1.0 == True</c>),
    /// strings ordinally, lists, tuples and dicts structurally; a list never equals a tuple.
    /// Undefined equals Undefined (strict undefined fails).
    /// </summary>
    public static new bool Equals(object? left, object? right)
    {
        if (left is Markup || right is Markup)
        {
            left = Text(left);
            right = Text(right);
        }

        if (ReferenceEquals(left, right))
        {
            return left switch
            {
                Undefined { IsStrict: true } strict => throw strict.Fail(),
                double d => !double.IsNaN(d),
                _ => true,
            };
        }

        switch (left)
        {
            case null:
                return right is Undefined { IsStrict: true } u0 ? throw u0.Fail() : false;
            case string s:
                return right is string r ? string.Equals(s, r, StringComparison.Ordinal) : CheckStrictRight(right);
            case long l:
                return right switch
                {
                    long rl => l == rl,
                    double rd => rd == Math.Floor(rd) && IsExactLong(rd, l),
                    bool rb => l == (rb ? 1 : 0),
                    BigInteger => false,
                    _ => CheckStrictRight(right),
                };
            case bool or double or BigInteger:
                return IsNumber(right) ? NumberEquals(left, right) : CheckStrictRight(right);
            case List<object?> list:
                return right is List<object?> rlist ? SequenceEquals(list, rlist) : CheckStrictRight(right);
            case PyTuple tuple:
                return right is PyTuple rtuple ? SequenceEquals(tuple, rtuple) : CheckStrictRight(right);
            case PyDict dict:
                return right is PyDict rdict ? DictEquals(dict, rdict) : CheckStrictRight(right);
            case Undefined u:
                return u.IsStrict ? throw u.Fail() : right is Undefined { IsStrict: false } || CheckStrictRight(right);
            default:
                return right is Undefined { IsStrict: true } u1 ? throw u1.Fail() : left.Equals(right);
        }
    }

    /// <summary>Python's <c>!=</c>.</summary>
    public static bool NotEquals(object? left, object? right) => !Equals(left, right);

    private static bool CheckStrictRight(object? right) =>
        right is Undefined { IsStrict: true } u ? throw u.Fail() : false;

    private static bool IsExactLong(double d, long l) =>
        d >= -9.2233720368547758E18 && d < 9.2233720368547758E18 && (long)d == l;

    private static bool NumberEquals(object left, object? right)
    {
        if (left is double || right is double)
        {
            var ld = left is double a ? a : double.NaN;
            var rd = right is double b ? b : double.NaN;
            if (left is double && right is double)
            {
                return ld == rd;
            }

            // Compare an int with a float exactly, as Python does (no rounding of the int).
            var d = left is double ? ld : rd;
            var other = left is double ? right : left;
            if (double.IsNaN(d) || double.IsInfinity(d) || d != Math.Floor(d))
            {
                return false;
            }

            return new BigInteger(d) == ToBig(other);
        }

        return ToBig(left) == ToBig(right);
    }

    private static bool SequenceEquals(IReadOnlyList<object?> left, IReadOnlyList<object?> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        ValueRecursion.Enter(ValueRecursion.InComparison);
        try
        {
            for (var i = 0; i < left.Count; i++)
            {
                // Python checks identity first, so a list holding nan equals itself.
                if (!ReferenceEquals(left[i], right[i]) && !Equals(left[i], right[i]))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            ValueRecursion.Leave();
        }
    }

    private static bool DictEquals(PyDict left, PyDict right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        ValueRecursion.Enter(ValueRecursion.InComparison);
        try
        {
            foreach (var pair in left)
            {
                if (!right.TryGetValue(pair.Key, out var other)
                    || (!ReferenceEquals(pair.Value, other) && !Equals(pair.Value, other)))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            ValueRecursion.Leave();
        }
    }

    /// <summary>
    /// A hash consistent with <see cref="Equals(object?, object?)"/> (<c>1</c>, <c>1.0</c> and <c>True</c>
    /// hash alike). Lists and dicts are unhashable: a TypeError, as in Python.
    /// </summary>
    public static int GetHashCode(object? value)
    {
        switch (value)
        {
            case null:
                return 0;
            case string s:
                return s.GetHashCode(StringComparison.Ordinal);
            case long l:
                return l.GetHashCode();
            case bool b:
                return b ? 1L.GetHashCode() : 0L.GetHashCode();
            case double d:
                if (d == Math.Floor(d) && !double.IsInfinity(d))
                {
                    return IsExactLong(d, (long)d) ? ((long)d).GetHashCode() : new BigInteger(d).GetHashCode();
                }

                return d.GetHashCode();
            case BigInteger big:
                return big.GetHashCode();
            case Markup m:
                return m.Value.GetHashCode(StringComparison.Ordinal);
            case PyTuple tuple:
                return TupleHash(tuple);
            case List<object?> or PyDict:
                throw new TemplateException(ErrorKind.TypeError, $"unhashable type: '{TypeName(value)}'");
            case Undefined u:
                return u.IsStrict ? throw u.Fail() : 0x5EED;
            default:
                return value.GetHashCode();
        }
    }

    private static int TupleHash(PyTuple tuple)
    {
        ValueRecursion.Enter("while hashing");
        try
        {
            var hash = new HashCode();
            foreach (var item in tuple.AsSpan())
            {
                hash.Add(GetHashCode(item));
            }

            return hash.ToHashCode();
        }
        finally
        {
            ValueRecursion.Leave();
        }
    }
}
