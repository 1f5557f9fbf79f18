using System.Numerics;

namespace Cedule.Jinja.Values;

/// <summary>Argument checks with Python's wording, shared by the built-in methods.</summary>
internal static class MethodArgs
{
    /// <summary>For METH_NOARGS methods: <c>str.upper() takes no arguments (1 given)</c>.</summary>
    public static void None(Arguments arguments, string qualifiedName)
    {
        if (arguments.Count != 0 || arguments.Keywords.Count != 0)
        {
            throw new TemplateException(ErrorKind.TypeError, $"{qualifiedName}() takes no arguments ({arguments.Count + arguments.Keywords.Count} given)");
        }
    }

    /// <summary>For METH_O methods: <c>list.append() takes exactly one argument (0 given)</c>.</summary>
    public static object? One(Arguments arguments, string qualifiedName)
    {
        NoKeywords(arguments, qualifiedName);
        return arguments.Count == 1
            ? arguments.Positional[0]
            : throw new TemplateException(ErrorKind.TypeError, $"{qualifiedName}() takes exactly one argument ({arguments.Count} given)");
    }

    /// <summary>Positional-only arguments between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static void Range(Arguments arguments, string name, string qualifiedName, int min, int max)
    {
        NoKeywords(arguments, qualifiedName);
        if (arguments.Count < min)
        {
            throw new TemplateException(ErrorKind.TypeError, $"{name} expected at least {min} argument{(min == 1 ? string.Empty : "s")}, got {arguments.Count}");
        }

        if (arguments.Count > max)
        {
            throw new TemplateException(ErrorKind.TypeError, $"{name} expected at most {max} argument{(max == 1 ? string.Empty : "s")}, got {arguments.Count}");
        }
    }

    public static void NoKeywords(Arguments arguments, string qualifiedName)
    {
        if (arguments.Keywords.Count != 0)
        {
            throw new TemplateException(ErrorKind.TypeError, $"{qualifiedName}() takes no keyword arguments");
        }
    }

    /// <summary>An optional positional argument, or null.</summary>
    public static object? At(Arguments arguments, int index) => index < arguments.Count ? arguments.Positional[index] : null;

    /// <summary>Python's <c>__index__</c>: ints and bools; a TypeError otherwise.</summary>
    public static long Index(object? value)
    {
        return value switch
        {
            long l => l,
            bool b => b ? 1 : 0,
            BigInteger big => big.Sign < 0 ? long.MinValue : long.MaxValue,
            Undefined u => throw u.Fail(),
            _ => throw new TemplateException(ErrorKind.TypeError, $"'{PyOps.TypeName(value)}' object cannot be interpreted as an integer"),
        };
    }

    /// <summary>A string argument: <c>must be str, not int</c>.</summary>
    public static string Str(object? value) => value switch
    {
        string s => s,
        Markup m => m.Value,
        Undefined u => throw u.Fail(),
        _ => throw new TemplateException(ErrorKind.TypeError, $"must be str, not {PyOps.TypeName(value)}"),
    };

    /// <summary>A string or None argument (strip's chars, split's sep).</summary>
    public static string? StrOrNone(object? value, string what) => value switch
    {
        null => null,
        string s => s,
        Markup m => m.Value,
        Undefined u => throw u.Fail(),
        _ => throw new TemplateException(ErrorKind.TypeError, $"{what} arg must be None or str"),
    };
}
