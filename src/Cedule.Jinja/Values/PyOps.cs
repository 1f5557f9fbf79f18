using System.Collections;
using System.Numerics;

namespace Cedule.Jinja.Values;

/// <summary>
/// The Python data model over the canonical value representation (see <c>Values/README.md</c>):
/// truthiness, <c>str()</c> and <c>repr()</c>, equality, hashing, ordering, arithmetic with
/// Python integer semantics, <c>len</c>, <c>in</c>, iteration and subscripting.
/// Errors are <see cref="TemplateException"/>s whose kind and message are Python's.
/// </summary>
public static partial class PyOps
{
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;
    private static readonly object[] SmallInts = MakeSmallInts();

    /// <summary>A cached boxed <see cref="bool"/>, to avoid boxing churn.</summary>
    public static object Box(bool value) => value ? BoxedTrue : BoxedFalse;

    /// <summary>A boxed <see cref="long"/>, cached for small values.</summary>
    public static object Box(long value) =>
        value is >= -128 and < 1024 ? SmallInts[value + 128] : value;

    /// <summary>Python's <c>bool(value)</c>. Undefined is false (strict undefined fails).</summary>
    public static bool IsTrue(object? value)
    {
        switch (value)
        {
            case null:
                return false;
            case bool b:
                return b;
            case long l:
                return l != 0;
            case string s:
                return s.Length != 0;
            case double d:
                return d != 0.0;
            case List<object?> list:
                return list.Count != 0;
            case PyDict dict:
                return dict.Count != 0;
            case PyTuple tuple:
                return tuple.Count != 0;
            case BigInteger big:
                return !big.IsZero;
            case Undefined u:
                return u.IsStrict ? throw u.Fail() : false;
            case Markup m:
                return m.Value.Length != 0;
            case PyDictView view:
                return view.Dict.Count != 0;
            case ICollection collection:
                return collection.Count != 0;
            case IReadOnlyCollection<object?> collection:
                return collection.Count != 0;
            default:
                return true;
        }
    }

    /// <summary>Python's type name for messages: <c>int</c>, <c>str</c>, <c>NoneType</c>, <c>list</c>...</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        long or BigInteger => "int",
        double => "float",
        string => "str",
        List<object?> => "list",
        PyDict => "dict",
        GroupTuple => "_GroupTuple",
        PyTuple => "tuple",
        Undefined u => u.IsStrict ? "StrictUndefined" : "Undefined",
        PyDictView view => view.TypeName,
        PyGenerator generator => generator.TypeName,
        Markup => "Markup",
        PyBytes => "bytes",
        BoundMethod => "builtin_function_or_method",
        IJinjaCallable => "function",
        _ => value.GetType().Name,
    };

    /// <summary>Python's <c>len(value)</c>; a TypeError for values without a length.</summary>
    public static long Length(object? value) => value switch
    {
        string s => StrLength(s),
        List<object?> list => list.Count,
        PyDict dict => dict.Count,
        PyTuple tuple => tuple.Count,
        PyDictView view => view.Dict.Count,
        Undefined u => u.IsStrict ? throw u.Fail() : 0,
        Markup m => StrLength(m.Value),
        Runtime.PyRange range => range.Length,
        ICollection collection => collection.Count,
        IReadOnlyCollection<object?> collection => collection.Count,
        _ => throw new TemplateException(ErrorKind.TypeError, $"object of type '{TypeName(value)}' has no len()"),
    };

    /// <summary>The text of a string or markup value; other values as they are.</summary>
    internal static object? Text(object? value) => value is Markup m ? m.Value : value;

    /// <summary>True for Python ints, including bool (which is an int in Python).</summary>
    internal static bool IsInt(object? value) => value is long or bool or BigInteger;

    /// <summary>True for Python numbers: bool, int, float.</summary>
    internal static bool IsNumber(object? value) => value is long or double or bool or BigInteger;

    /// <summary>Normalizes an integer result: a value that fits in a long is a long.</summary>
    public static object Normalize(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? Box((long)value) : value;

    /// <summary>Reads a Python int (bool, long or BigInteger) as a BigInteger.</summary>
    internal static BigInteger ToBig(object? value) => value switch
    {
        long l => l,
        bool b => b ? BigInteger.One : BigInteger.Zero,
        BigInteger big => big,
        _ => throw new InvalidOperationException("not an int"),
    };

    /// <summary>Reads a Python number as a double, with Python's OverflowError for huge ints.</summary>
    internal static double ToDouble(object? value) => value switch
    {
        double d => d,
        long l => l,
        bool b => b ? 1.0 : 0.0,
        BigInteger big => BigToDouble(big),
        _ => throw new InvalidOperationException("not a number"),
    };

    /// <summary>Python's <c>float(int)</c>: correctly rounded (half-even), where .NET's conversion truncates.</summary>
    internal static double BigToDouble(BigInteger big)
    {
        var magnitude = BigInteger.Abs(big);
        var bits = (int)magnitude.GetBitLength();
        if (bits <= 53)
        {
            return (double)big;
        }

        var shift = bits - 53;
        var mantissa = magnitude >> shift;
        var rest = magnitude - (mantissa << shift);
        var half = BigInteger.One << (shift - 1);
        if (rest > half || (rest == half && !mantissa.IsEven))
        {
            mantissa += 1;
        }

        var d = Math.ScaleB((double)mantissa, shift);
        if (double.IsInfinity(d))
        {
            throw new TemplateException(ErrorKind.OverflowError, "int too large to convert to float");
        }

        return big.Sign < 0 ? -d : d;
    }

    /// <summary>Reads a Python int as a long when it fits; false for other values or huge ints.</summary>
    internal static bool TryGetLong(object? value, out long result)
    {
        switch (value)
        {
            case long l:
                result = l;
                return true;
            case bool b:
                result = b ? 1 : 0;
                return true;
            default:
                result = 0;
                return false;
        }
    }

    private static object[] MakeSmallInts()
    {
        var values = new object[1024 + 128];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (long)(i - 128);
        }

        return values;
    }
}
