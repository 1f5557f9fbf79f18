using System.Numerics;
using Cedule.Jinja.Filters;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Tests;

/// <summary>Every built-in test of Jinja2 3.1 (<c>value is name(arguments)</c>), with Python semantics.</summary>
public static class BuiltinTests
{
    /// <summary>The names of the built-in tests.</summary>
    public static IReadOnlySet<string> Names { get; } = MakeNames();

    /// <summary>Adds every built-in test to <paramref name="tests"/>.</summary>
    public static void Register(IDictionary<string, TestFunc> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        tests["odd"] = static (_, v, a) => One(a, "test_odd") && PyOps.Equals(PyOps.Modulo(v, 2L), 1L);
        tests["even"] = static (_, v, a) => One(a, "test_even") && PyOps.Equals(PyOps.Modulo(v, 2L), 0L);
        tests["divisibleby"] = static (_, v, a) =>
        {
            var args = FilterArgs.Bind(a, "test_divisibleby", 0, 1, "num");
            return PyOps.Equals(PyOps.Modulo(v, args.Get(0)), 0L);
        };
        tests["defined"] = static (_, v, a) => One(a, "test_defined") && v is not Undefined;
        tests["undefined"] = static (_, v, a) => One(a, "test_undefined") && v is Undefined;
        tests["filter"] = static (r, v, a) => One(a, "test_filter") && NameIn(v, r.HasFilter);
        tests["test"] = static (r, v, a) => One(a, "test_test") && NameIn(v, r.HasTest);
        tests["none"] = static (_, v, a) => One(a, "test_none") && v is null;
        tests["boolean"] = static (_, v, a) => One(a, "test_boolean") && v is bool;
        tests["false"] = static (_, v, a) => One(a, "test_false") && v is false;
        tests["true"] = static (_, v, a) => One(a, "test_true") && v is true;
        tests["integer"] = static (_, v, a) => One(a, "test_integer") && v is long or BigInteger;
        tests["float"] = static (_, v, a) => One(a, "test_float") && v is double;
        tests["lower"] = static (_, v, a) => One(a, "test_lower") && IsCase(PyOps.ToStr(v), "islower");
        tests["upper"] = static (_, v, a) => One(a, "test_upper") && IsCase(PyOps.ToStr(v), "isupper");
        tests["string"] = static (_, v, a) => One(a, "test_string") && v is string;
        tests["mapping"] = static (_, v, a) => One(a, "test_mapping") && v is PyDict;
        tests["number"] = static (_, v, a) => One(a, "test_number") && PyOps.IsNumber(v);
        tests["sequence"] = static (_, v, a) => One(a, "test_sequence") && IsSequence(v);
        tests["iterable"] = static (_, v, a) => One(a, "test_iterable") && (v is Undefined { IsStrict: true } u ? throw u.Fail() : PyOps.IsIterable(v));
        tests["callable"] = static (_, v, a) =>
        {
            FilterArgs.OnlyValue(a, "callable");
            return v is IJinjaCallable || v is Undefined;
        };
        tests["sameas"] = static (_, v, a) =>
        {
            var args = FilterArgs.Bind(a, "test_sameas", 0, 1, "other");
            return SameAs(v, args.Get(0));
        };
        tests["escaped"] = static (_, v, a) => One(a, "test_escaped") && false;
        tests["in"] = static (_, v, a) =>
        {
            var args = FilterArgs.Bind(a, "test_in", 0, 1, "seq");
            return PyOps.Contains(args.Get(0), v);
        };
        Operator(tests, ["==", "eq", "equalto"], "eq", PyOps.Equals);
        Operator(tests, ["!=", "ne"], "ne", PyOps.NotEquals);
        Operator(tests, [">", "gt", "greaterthan"], "gt", PyOps.GreaterThan);
        Operator(tests, [">=", "ge"], "ge", PyOps.GreaterOrEqual);
        Operator(tests, ["<", "lt", "lessthan"], "lt", PyOps.LessThan);
        Operator(tests, ["<=", "le"], "le", PyOps.LessOrEqual);
    }

    private static HashSet<string> MakeNames()
    {
        var tests = new Dictionary<string, TestFunc>(StringComparer.Ordinal);
        Register(tests);
        return new HashSet<string>(tests.Keys, StringComparer.Ordinal);
    }

    private static bool One(Arguments arguments, string function)
    {
        FilterArgs.Bind(arguments, function, 0, 0);
        return true;
    }

    private static void Operator(IDictionary<string, TestFunc> tests, string[] names, string function, Func<object?, object?, bool> op)
    {
        TestFunc test = (_, v, a) =>
        {
            if (a.Keywords.Count > 0)
            {
                throw new TemplateException(ErrorKind.TypeError, $"{function}() takes no keyword arguments");
            }

            if (a.Count != 1)
            {
                throw new TemplateException(ErrorKind.TypeError, $"{function} expected 2 arguments, got {a.Count + 1}");
            }

            return op(v, a.Positional[0]);
        };
        foreach (var name in names)
        {
            tests[name] = test;
        }
    }

    private static bool NameIn(object? value, Func<string, bool> has)
    {
        PyOps.EnsureHashable(value);
        return value is string name && has(name);
    }

    private static bool IsCase(string s, string method) =>
        PyMethods.TryCallMethod(null!, s, method, Arguments.Empty, out var result) && result is true;

    private static bool IsSequence(object? value) => value switch
    {
        string or List<object?> or PyTuple or PyDict => true,
        Undefined u => u.IsStrict ? throw u.Fail() : true,
        PyGenerator or PyDictView => false,
        IReadOnlyList<object?> => true,
        _ => false,
    };

    // Python's "is": small ints, None, booleans and equal strings are shared objects in CPython.
    private static bool SameAs(object? left, object? right) => left switch
    {
        null => right is null,
        bool b => right is bool other && b == other,
        long l when l is >= -5 and <= 256 => right is long other && l == other,
        string s => right is string other && string.Equals(s, other, StringComparison.Ordinal),
        _ => ReferenceEquals(left, right),
    };
}
