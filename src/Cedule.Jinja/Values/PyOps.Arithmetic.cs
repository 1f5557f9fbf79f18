using System.Numerics;

namespace Cedule.Jinja.Values;

public static partial class PyOps
{
    // Results smaller than this are not worth a fuel call: the template step already paid for them.
    private const int FreeSize = 256;

    /// <summary>Python's <c>+</c>: numbers, <c>str + str</c>, <c>list + list</c>, <c>tuple + tuple</c>.</summary>
    public static object? Add(object? left, object? right, IRuntime? runtime = null)
    {
        if (left is long a && right is long b)
        {
            var r = unchecked(a + b);
            return ((a ^ r) & (b ^ r)) < 0 ? (BigInteger)a + b : Box(r);
        }

        FailIfUndefined(left, right);
        if (IsNumber(left) && IsNumber(right))
        {
            if (left is double || right is double)
            {
                return ToDouble(left) + ToDouble(right);
            }

            return Normalize(ToBig(left) + ToBig(right));
        }

        if (left is Markup || right is Markup)
        {
            return MarkupAdd(left, right, runtime);
        }

        switch (left)
        {
            case string s when right is string t:
                Charge(runtime, (long)s.Length + t.Length);
                return string.Concat(s, t);
            case string:
                throw new TemplateException(ErrorKind.TypeError, $"can only concatenate str (not \"{TypeName(right)}\") to str");
            case List<object?> list when right is List<object?> other:
                Charge(runtime, (long)list.Count + other.Count);
                var joined = new List<object?>(list.Count + other.Count);
                joined.AddRange(list);
                joined.AddRange(other);
                return joined;
            case List<object?>:
                throw new TemplateException(ErrorKind.TypeError, $"can only concatenate list (not \"{TypeName(right)}\") to list");
            case PyTuple tuple when right is PyTuple other:
                Charge(runtime, (long)tuple.Count + other.Count);
                var items = new object?[tuple.Count + other.Count];
                tuple.AsSpan().CopyTo(items);
                other.AsSpan().CopyTo(items.AsSpan(tuple.Count));
                return new PyTuple(items);
            case PyTuple:
                throw new TemplateException(ErrorKind.TypeError, $"can only concatenate tuple (not \"{TypeName(right)}\") to tuple");
            default:
                throw Unsupported("+", left, right);
        }
    }

    /// <summary>Python's <c>-</c> on numbers.</summary>
    public static object? Subtract(object? left, object? right)
    {
        if (left is long a && right is long b)
        {
            var r = unchecked(a - b);
            return ((a ^ b) & (a ^ r)) < 0 ? (BigInteger)a - b : Box(r);
        }

        FailIfUndefined(left, right);
        if (IsNumber(left) && IsNumber(right))
        {
            return left is double || right is double
                ? ToDouble(left) - ToDouble(right)
                : Normalize(ToBig(left) - ToBig(right));
        }

        throw Unsupported("-", left, right);
    }

    /// <summary>Python's <c>*</c>: numbers, and a sequence repeated an int number of times (fuel is spent first).</summary>
    public static object? Multiply(object? left, object? right, IRuntime? runtime = null)
    {
        if (left is long a && right is long b)
        {
            var high = Math.BigMul(a, b, out long low);
            return (high == 0 && low >= 0) || (high == -1 && low < 0) ? Box(low) : (BigInteger)a * b;
        }

        FailIfUndefined(left, right);
        if (IsNumber(left) && IsNumber(right))
        {
            return left is double || right is double
                ? ToDouble(left) * ToDouble(right)
                : Normalize(ToBig(left) * ToBig(right));
        }

        if (left is Markup || right is Markup)
        {
            var repeated = Multiply(Text(left), Text(right), runtime);
            return repeated is string s ? new Markup(s) : repeated;
        }

        if (IsSequence(left))
        {
            return Repeat(left!, right, runtime);
        }

        if (IsSequence(right))
        {
            return Repeat(right!, left, runtime);
        }

        throw Unsupported("*", left, right);
    }

    /// <summary>Python's unary <c>-</c>.</summary>
    public static object? Negate(object? value) => value switch
    {
        long l => l == long.MinValue ? -(BigInteger)l : Box(-l),
        double d => -d,
        bool b => Box(b ? -1L : 0L),
        BigInteger big => Normalize(-big),
        Undefined u => throw u.Fail(),
        _ => throw new TemplateException(ErrorKind.TypeError, $"bad operand type for unary -: '{TypeName(value)}'"),
    };

    /// <summary>Python's unary <c>+</c> (turns a bool into an int).</summary>
    public static object? Plus(object? value) => value switch
    {
        long or double or BigInteger => value,
        bool b => Box(b ? 1L : 0L),
        Undefined u => throw u.Fail(),
        _ => throw new TemplateException(ErrorKind.TypeError, $"bad operand type for unary +: '{TypeName(value)}'"),
    };

    private static bool IsSequence(object? value) => value is string or List<object?> or PyTuple;

    // Markup escapes plain strings added on either side, as MarkupSafe does.
    private static Markup MarkupAdd(object? left, object? right, IRuntime? runtime)
    {
        if (left is not (string or Markup) || right is not (string or Markup))
        {
            throw left is Markup
                ? Unsupported("+", left, right)
                : new TemplateException(ErrorKind.TypeError, $"can only concatenate str (not \"{TypeName(right)}\") to str");
        }

        var l = left is Markup lm ? lm.Value : Filters.BuiltinFilters.Escape((string)left);
        var r = right is Markup rm ? rm.Value : Filters.BuiltinFilters.Escape((string)right);
        Charge(runtime, (long)l.Length + r.Length);
        return new Markup(l + r);
    }

    private static object Repeat(object sequence, object? count, IRuntime? runtime)
    {
        if (!IsInt(count))
        {
            throw new TemplateException(ErrorKind.TypeError, $"can't multiply sequence by non-int of type '{TypeName(count)}'");
        }

        var big = ToBig(count);
        if (big <= 0)
        {
            return sequence switch
            {
                string => string.Empty,
                PyTuple => PyTuple.Empty,
                _ => new List<object?>(),
            };
        }

        var unit = sequence switch
        {
            string s => s.Length,
            PyTuple t => t.Count,
            _ => ((List<object?>)sequence).Count,
        };
        if (big > long.MaxValue)
        {
            throw new TemplateException(ErrorKind.OverflowError, "cannot fit 'int' into an index-sized integer");
        }

        var times = (long)big;
        var total = unit == 0 ? 0 : (times > long.MaxValue / unit ? long.MaxValue : times * unit);
        Charge(runtime, total);
        if (total > Array.MaxLength)
        {
            throw new TemplateException(ErrorKind.OverflowError, "repeated sequence is too long");
        }

        switch (sequence)
        {
            case string s:
                return unit == 1 ? new string(s[0], (int)total) : string.Create((int)total, s, static (span, unitText) =>
                {
                    for (var i = 0; i < span.Length; i += unitText.Length)
                    {
                        unitText.AsSpan().CopyTo(span[i..]);
                    }
                });
            case PyTuple tuple:
                var items = new object?[total];
                for (var i = 0; i < total; i += unit)
                {
                    tuple.AsSpan().CopyTo(items.AsSpan(i));
                }

                return new PyTuple(items);
            default:
                var list = (List<object?>)sequence;
                var result = new List<object?>((int)total);
                for (var i = 0L; i < times; i++)
                {
                    result.AddRange(list);
                }

                return result;
        }
    }

    internal static void Charge(IRuntime? runtime, long size)
    {
        if (runtime is not null && size > FreeSize)
        {
            runtime.ConsumeFuel(size);
        }
    }

    private static void FailIfUndefined(object? left, object? right)
    {
        if (left is Undefined u)
        {
            throw u.Fail();
        }

        if (right is Undefined v)
        {
            throw v.Fail();
        }
    }

    private static TemplateException Unsupported(string op, object? left, object? right) =>
        new(ErrorKind.TypeError, $"unsupported operand type(s) for {op}: '{TypeName(left)}' and '{TypeName(right)}'");
}
